package io.orderhub.engine.gateway.rest;

import io.camunda.client.protocol.rest.BrokerInfo;
import io.camunda.client.protocol.rest.Partition;
import io.camunda.client.protocol.rest.TopologyResponse;
import io.orderhub.engine.api.EngineApi;
import io.orderhub.engine.api.Topology;
import java.util.ArrayList;
import java.util.List;

/** {@code GET /v2/topology} and {@code GET /v2/status}. */
final class ClusterRoutes {

  private ClusterRoutes() {}

  static List<Route> routes(EngineApi engine) {
    return List.of(
        Route.get("/v2/topology", request -> RestResponse.json(topology(engine.topology()))),
        // Camunda answers 204 when the cluster has a healthy partition; ours is in-process.
        Route.get("/v2/status", request -> RestResponse.noContent()));
  }

  /** One broker (node 0) leading every partition, as a single-node Camunda reports itself. */
  static TopologyResponse topology(Topology topology) {
    List<Partition> partitions = new ArrayList<>();
    for (int id = 1; id <= topology.partitionsCount(); id++) {
      partitions.add(
          new Partition()
              .partitionId(id)
              .role(Partition.RoleEnum.LEADER)
              .health(Partition.HealthEnum.HEALTHY));
    }
    BrokerInfo broker =
        new BrokerInfo()
            .nodeId(0)
            .host(topology.host())
            .port(topology.grpcPort())
            .version(topology.version())
            .partitions(partitions);
    return new TopologyResponse()
        .brokers(List.of(broker))
        .clusterId(topology.clusterId())
        .clusterSize(1)
        .partitionsCount(topology.partitionsCount())
        .replicationFactor(1)
        .gatewayVersion(topology.version());
  }
}
