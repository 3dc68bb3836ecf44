package io.orderhub.engine.state;

public record Variable(
    long key, long scopeKey, long processInstanceKey, String name, Object value) {}
