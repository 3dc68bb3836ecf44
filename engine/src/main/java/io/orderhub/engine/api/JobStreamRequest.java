package io.orderhub.engine.api;

import java.time.Duration;
import java.util.List;

public record JobStreamRequest(
    String type,
    String worker,
    Duration timeout,
    List<String> fetchVariables,
    List<String> tenantIds) {}
