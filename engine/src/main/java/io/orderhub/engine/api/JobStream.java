package io.orderhub.engine.api;

/** An open job stream; close it when the client goes away. */
public interface JobStream extends AutoCloseable {

  @Override
  void close();
}
