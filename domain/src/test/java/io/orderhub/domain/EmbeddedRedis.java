package io.orderhub.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import redis.embedded.RedisServer;

/**
 * A real redis-server process (the Redis 6.2 binary bundled by {@code embedded-redis}) on a free
 * loopback port, without persistence: a test can {@link #kill()} it (SIGKILL, as a crash) and
 * {@link #start()} an empty one on the same port, as a restarted Redis.
 */
public final class EmbeddedRedis implements AutoCloseable {

  private final int port;
  private RedisServer server;

  public EmbeddedRedis() {
    this.port = freePort();
  }

  public int port() {
    return port;
  }

  public synchronized EmbeddedRedis start() {
    try {
      server =
          RedisServer.newRedisServer()
              .port(port)
              .bind("127.0.0.1")
              .setting("save \"\"")
              .setting("appendonly no")
              .build();
      server.start();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("Expected redis-server to start on " + port + ", but", e);
    }
  }

  /** SIGKILL, no shutdown: connections drop mid-command and the data is gone. */
  public synchronized void kill() {
    ProcessHandle.current()
        .descendants()
        .filter(p -> p.info().commandLine().map(this::isThisServer).orElse(false))
        .forEach(ProcessHandle::destroyForcibly);
    ProcessHandle.current()
        .descendants()
        .filter(p -> p.info().commandLine().map(this::isThisServer).orElse(false))
        .forEach(p -> p.onExit().join());
    try {
      server.stop(); // the library's own bookkeeping; the process is gone already
    } catch (IOException ignored) {
      // nothing left to stop
    }
  }

  private boolean isThisServer(String commandLine) {
    return commandLine.contains("redis-server")
        && Arrays.asList(commandLine.split(" ")).contains(Integer.toString(port));
  }

  @Override
  public synchronized void close() {
    try {
      if (server != null && server.isActive()) {
        server.stop();
      }
    } catch (IOException ignored) {
      // the JVM is going away
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
