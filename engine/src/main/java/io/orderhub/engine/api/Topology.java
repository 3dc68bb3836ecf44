package io.orderhub.engine.api;

/** A single-node, single-partition cluster: the one broker is leader of partition 1. */
public record Topology(
    String host, int grpcPort, String version, int partitionsCount, String clusterId) {}
