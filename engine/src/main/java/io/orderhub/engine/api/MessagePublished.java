package io.orderhub.engine.api;

public record MessagePublished(long key, String tenantId) {}
