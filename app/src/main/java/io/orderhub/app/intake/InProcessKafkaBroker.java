package io.orderhub.app.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Apache Kafka (KRaft, broker and controller in one) running in this JVM from Kafka's
 * own server jars, with its log under {@code dataDir} so that what it acknowledged survives a
 * restart. Formats the directory on first start. For local runs and tests: production points {@code
 * orderhub.intake.bootstrap-servers} at a real cluster.
 *
 * <p>Not thread-safe: start and stop from one thread.
 */
public class InProcessKafkaBroker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(InProcessKafkaBroker.class);
  private static final int NODE_ID = 1;

  private final Path dataDir;
  private final int port;
  private final int controllerPort;
  private final int partitions;
  private KafkaRaftServer server;

  public InProcessKafkaBroker(Path dataDir, int port, int controllerPort, int partitions) {
    this.dataDir = dataDir.toAbsolutePath().normalize();
    this.port = port;
    this.controllerPort = controllerPort;
    this.partitions = partitions;
  }

  public String bootstrapServers() {
    return "localhost:" + port;
  }

  public synchronized void start() {
    if (server != null) {
      return;
    }
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Expected to create the Kafka data dir " + dataDir, e);
    }
    Properties config = config();
    format();
    KafkaRaftServer raft = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
    raft.startup();
    server = raft;
    LOG.info("In-process Kafka broker on {} (data in {})", bootstrapServers(), dataDir);
  }

  public synchronized void stop() {
    if (server == null) {
      return;
    }
    server.shutdown();
    server.awaitShutdown();
    server = null;
  }

  public synchronized boolean isRunning() {
    return server != null;
  }

  @Override
  public void close() {
    stop();
  }

  private Properties config() {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", String.valueOf(NODE_ID));
    p.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
    p.put(
        "listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("log.dirs", dataDir.toString());
    p.put("num.partitions", String.valueOf(partitions));
    // one node: every internal topic has one replica, and acks=all means this node's log
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "3");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("log.flush.interval.messages", "1");
    return p;
  }

  private void format() {
    if (Files.exists(dataDir.resolve("meta.properties"))) {
      return;
    }
    try {
      new Formatter()
          .setNodeId(NODE_ID)
          .setClusterId(Uuid.randomUuid().toString())
          .addDirectory(dataDir.toString())
          .setMetadataLogDirectory(dataDir.toString())
          .setReleaseVersion(MetadataVersion.latestProduction())
          .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
          .setControllerListenerName("CONTROLLER")
          .setIgnoreFormatted(true)
          .run();
    } catch (Exception e) {
      throw new IllegalStateException(
          "Expected to format the Kafka data dir " + dataDir + ", but: " + e, e);
    }
  }
}
