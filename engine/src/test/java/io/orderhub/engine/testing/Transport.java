package io.orderhub.engine.testing;

/** How the official client talks to the engine: its default (REST preferred) or gRPC. */
public enum Transport {
  REST,
  GRPC
}
