package io.orderhub.app.local;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * Starts the embedded redis-server, or logs why it could not (a port taken, say): the application
 * starts either way, and what lives in Redis falls back to PostgreSQL until a Redis answers there.
 */
final class EmbeddedRedisLauncher {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedisLauncher.class);

  private final RedisServer server;

  private EmbeddedRedisLauncher(RedisServer server) {
    this.server = server;
  }

  static EmbeddedRedisLauncher start(int port) {
    try {
      RedisServer server =
          RedisServer.newRedisServer()
              .port(port)
              .bind("127.0.0.1")
              .setting("save \"\"")
              .setting("appendonly no")
              .build();
      server.start();
      LOG.info("Embedded Redis listening on 127.0.0.1:{}", port);
      return new EmbeddedRedisLauncher(server);
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "Embedded Redis did not start on port {} ({}): dispatch slots and order reads use"
              + " PostgreSQL until a Redis answers there",
          port,
          e.toString());
      return new EmbeddedRedisLauncher(null);
    }
  }

  void stop() throws IOException {
    if (server != null && server.isActive()) {
      server.stop();
    }
  }
}
