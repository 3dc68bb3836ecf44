package io.orderhub.engine.state;

/** A completed activity that can be compensated; see {@code CompensationSubscriptionOpened}. */
public record CompensationSubscription(
    long key,
    long processInstanceKey,
    long scopeKey,
    String elementId,
    String handlerId,
    long innerScopeKey) {}
