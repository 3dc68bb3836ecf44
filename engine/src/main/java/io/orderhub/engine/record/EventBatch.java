package io.orderhub.engine.record;

import java.util.List;

/** The events one command produced: one journal entry, applied and replayed as a unit. */
public record EventBatch(long timestamp, List<EngineEvent> events) {}
