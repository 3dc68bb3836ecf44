package io.orderhub.engine;

import io.orderhub.engine.exporter.SecondaryStorageConfig;
import io.orderhub.engine.metrics.MonitoringConfig;
import io.orderhub.engine.security.AuthMethod;
import io.orderhub.engine.security.OidcConfig;
import io.orderhub.engine.security.SecurityConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * Runs the engine standalone: {@code java -jar engine.jar [--data-dir D] [--grpc-port P]
 * [--rest-port P] [--snapshot-every N] [--monitoring-port P] [--monitoring-host H]
 * [--secondary-storage-url URL] [--secondary-storage-user U] [--secondary-storage-password P]
 * [--secondary-storage-retention DURATION] [--host H] [--auth basic|oidc|none] [--admin-user U]
 * [--oidc-issuer URL --oidc-jwks-uri URL --oidc-audience A [--oidc-admin-client C]]}, or the same
 * through ENGINE_DATA_DIR, ENGINE_GRPC_PORT, ENGINE_REST_PORT, ENGINE_SNAPSHOT_EVERY,
 * ENGINE_MONITORING_PORT, ENGINE_MONITORING_HOST, ENGINE_SECONDARY_STORAGE_URL/USER/PASSWORD/
 * RETENTION, ENGINE_HOST, ENGINE_AUTH, ENGINE_ADMIN_USER, ENGINE_OIDC_ISSUER/JWKS_URI/AUDIENCE/
 * ADMIN_CLIENT. The first admin's password comes from ORDERHUB_ENGINE_ADMIN_PASSWORD, or is
 * generated at first start and logged once. The gateways listen on loopback unless --host says
 * otherwise. SIGTERM closes it cleanly (gateways first, then a final snapshot and a flushed
 * journal); a SIGKILL loses nothing acknowledged (see the engine README). An engine that fails to
 * start exits with status 1.
 */
public final class EngineMain {

  private EngineMain() {}

  public static void main(String[] args) throws Exception {
    String dataDir = env("ENGINE_DATA_DIR", "data/engine");
    int grpcPort = Integer.parseInt(env("ENGINE_GRPC_PORT", "" + EngineConfig.DEFAULT_GRPC_PORT));
    int restPort = Integer.parseInt(env("ENGINE_REST_PORT", "" + EngineConfig.DEFAULT_REST_PORT));
    long snapshotEvery =
        Long.parseLong(
            env("ENGINE_SNAPSHOT_EVERY", "" + EngineConfig.DEFAULT_SNAPSHOT_EVERY_BATCHES));
    int monitoringPort =
        Integer.parseInt(env("ENGINE_MONITORING_PORT", "" + MonitoringConfig.DEFAULT_PORT));
    String monitoringHost = env("ENGINE_MONITORING_HOST", "127.0.0.1");
    String storageUrl = env("ENGINE_SECONDARY_STORAGE_URL", null);
    String storageUser = env("ENGINE_SECONDARY_STORAGE_USER", null);
    String storagePassword = env("ENGINE_SECONDARY_STORAGE_PASSWORD", null);
    String retention = env("ENGINE_SECONDARY_STORAGE_RETENTION", null);
    String host = env("ENGINE_HOST", SecurityConfig.LOOPBACK);
    String auth = env("ENGINE_AUTH", "basic");
    String adminUser = env("ENGINE_ADMIN_USER", SecurityConfig.DEFAULT_ADMIN);
    String oidcIssuer = env("ENGINE_OIDC_ISSUER", null);
    String oidcJwks = env("ENGINE_OIDC_JWKS_URI", null);
    String oidcAudience = env("ENGINE_OIDC_AUDIENCE", null);
    String oidcAdminClient = env("ENGINE_OIDC_ADMIN_CLIENT", null);
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (value == null && !name.equals("--help")) {
        if (i + 1 >= args.length) {
          usage("missing value for " + name);
        }
        value = args[++i];
      }
      switch (name) {
        case "--data-dir" -> dataDir = value;
        case "--grpc-port" -> grpcPort = Integer.parseInt(value);
        case "--rest-port" -> restPort = Integer.parseInt(value);
        case "--snapshot-every" -> snapshotEvery = Long.parseLong(value);
        case "--monitoring-port" -> monitoringPort = Integer.parseInt(value);
        case "--monitoring-host" -> monitoringHost = value;
        case "--secondary-storage-url" -> storageUrl = value;
        case "--secondary-storage-user" -> storageUser = value;
        case "--secondary-storage-password" -> storagePassword = value;
        case "--secondary-storage-retention" -> retention = value;
        case "--host" -> host = value;
        case "--auth" -> auth = value;
        case "--admin-user" -> adminUser = value;
        case "--oidc-issuer" -> oidcIssuer = value;
        case "--oidc-jwks-uri" -> oidcJwks = value;
        case "--oidc-audience" -> oidcAudience = value;
        case "--oidc-admin-client" -> oidcAdminClient = value;
        case "--help" -> usage(null);
        default -> usage("unknown option " + name);
      }
    }
    if (snapshotEvery < 1) {
      usage("--snapshot-every must be at least 1, but was " + snapshotEvery);
    }
    EngineConfig config =
        EngineConfig.defaults(Path.of(dataDir))
            .withPorts(grpcPort, restPort)
            .withSnapshotEveryBatches(snapshotEvery);
    SecondaryStorageConfig storage = config.secondaryStorage();
    if (storageUrl != null) {
      storage =
          storageUrl.equals("none")
              ? SecondaryStorageConfig.disabled()
              : storage.withUrl(storageUrl, storageUser, storagePassword);
    }
    if (retention != null) {
      try {
        storage = storage.withRetention(Duration.parse(retention));
      } catch (RuntimeException e) {
        usage("--secondary-storage-retention takes an ISO-8601 duration (P30D), not " + retention);
      }
    }
    config = config.withSecondaryStorage(storage);
    String adminPassword = env(SecurityConfig.ADMIN_PASSWORD_ENV, null);
    SecurityConfig security =
        switch (auth.toLowerCase(java.util.Locale.ROOT)) {
          case "basic" ->
              new SecurityConfig(AuthMethod.BASIC, host, adminUser, adminPassword, null);
          case "none" -> SecurityConfig.none().withHost(host);
          case "oidc" -> {
            if (oidcIssuer == null || oidcJwks == null || oidcAudience == null) {
              usage("--auth oidc needs --oidc-issuer, --oidc-jwks-uri and --oidc-audience");
            }
            OidcConfig oidc =
                OidcConfig.of(oidcIssuer, URI.create(oidcJwks), oidcAudience)
                    .withAdminClients(
                        oidcAdminClient == null ? List.of() : List.of(oidcAdminClient));
            yield SecurityConfig.oidc(oidc).withHost(host);
          }
          default -> {
            usage("--auth takes basic, oidc or none, not " + auth);
            yield null;
          }
        };
    config = config.withSecurity(security);
    Engine engine;
    try {
      engine = Engine.start(config, MonitoringConfig.on(monitoringPort).withHost(monitoringHost));
    } catch (Exception | Error e) {
      LoggerFactory.getLogger(EngineMain.class)
          .error("Expected the engine to start, but it failed; exiting", e);
      System.exit(1);
      return;
    }
    engine.onFatal(cause -> Runtime.getRuntime().halt(70));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  engine.close();
                  stopped.countDown();
                },
                "engine-shutdown"));
    stopped.await();
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static void usage(String problem) {
    if (problem != null) {
      System.err.println("engine: " + problem);
    }
    System.err.println(
        "usage: java -jar engine.jar [--data-dir DIR] [--grpc-port PORT] [--rest-port PORT]"
            + " [--snapshot-every BATCHES] [--monitoring-port PORT] [--monitoring-host HOST]"
            + " [--secondary-storage-url JDBC-URL|none]"
            + " [--secondary-storage-user USER] [--secondary-storage-password PASSWORD]"
            + " [--secondary-storage-retention DURATION] [--host HOST (default 127.0.0.1)]"
            + " [--auth basic|oidc|none] [--admin-user NAME] [--oidc-issuer URL]"
            + " [--oidc-jwks-uri URL] [--oidc-audience AUDIENCE] [--oidc-admin-client ID]"
            + "; admin password: env "
            + SecurityConfig.ADMIN_PASSWORD_ENV);
    System.exit(problem == null ? 0 : 2);
  }
}
