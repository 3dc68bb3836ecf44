package io.orderhub.engine.exporter;

import io.orderhub.engine.journal.EntryConsumer;
import io.orderhub.engine.processing.EngineProcessor;
import io.orderhub.engine.record.EventBatch;
import io.orderhub.engine.record.EventBatchCodec;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Projects committed batches into the secondary storage, asynchronously and in chunks, on its own
 * thread.
 *
 * <p>Contract: {@link #committed} never blocks: a batch goes into a bounded queue, and when the
 * queue is full it is dropped there and read back from the journal later. Every chunk's rows and
 * the position of its last batch are committed in one transaction, so after a crash the exporter
 * resumes right after the last exported batch: no batch is lost or written twice. Batches are
 * written strictly in position order; a gap (dropped batches, or batches committed while the
 * exporter was down) is filled from the journal first. The engine holds back journal compaction at
 * {@link #exportedPosition()} so that the journal still has what is not exported yet.
 */
public final class ReadModelExporter implements EngineProcessor.BatchListener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ReadModelExporter.class);
  private static final int MAX_CHUNK = 500;

  /** Reads committed journal entries in (fromExclusive, toInclusive]. */
  @FunctionalInterface
  public interface JournalSource {
    void read(long fromExclusive, long toInclusive, EntryConsumer consumer) throws IOException;
  }

  private record Committed(long position, EventBatch batch) {}

  private final SecondaryStorage storage;
  private final JournalSource journal;
  private final BlockingQueue<Committed> queue;
  private final EventBatchCodec codec = new EventBatchCodec();
  private final ReadModelProjection projection = new ReadModelProjection();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong fromJournal = new AtomicLong();
  private final Thread thread;
  private volatile long lastCommitted;
  private volatile long exported;
  private volatile boolean running = true;

  /**
   * @param journalEnd the journal's last position when the engine recovered: everything up to it is
   *     committed and will not be announced through {@link #committed}
   */
  public ReadModelExporter(SecondaryStorage storage, JournalSource journal, long journalEnd) {
    this.storage = storage;
    this.journal = journal;
    this.queue = new ArrayBlockingQueue<>(storage.config().queueCapacity());
    this.exported = loadPosition(journalEnd);
    this.lastCommitted = journalEnd;
    this.thread = new Thread(this::run, "engine-exporter");
    thread.setDaemon(true);
  }

  public ReadModelExporter start() {
    thread.start();
    return this;
  }

  @Override
  public void committed(long position, EventBatch batch) {
    lastCommitted = position;
    if (!queue.offer(new Committed(position, batch))) {
      dropped.incrementAndGet();
    }
  }

  /** The position of the last batch whose rows are committed in the secondary storage. */
  public long exportedPosition() {
    return exported;
  }

  /** Batches that did not fit the queue and were (or will be) read back from the journal. */
  public long droppedBatches() {
    return dropped.get();
  }

  public long batchesReadFromJournal() {
    return fromJournal.get();
  }

  private long loadPosition(long journalEnd) {
    try (Connection connection = storage.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery("SELECT position FROM exporter_position WHERE id = 1")) {
      long position = rs.next() ? rs.getLong(1) : 0;
      if (position > journalEnd) {
        // the read model belongs to a journal we do not have (its positions will be reused)
        LOG.warn(
            "The read model is at position {} but the journal ends at {}: rebuilding it",
            position,
            journalEnd);
        ReadModelReset.clear(connection);
        return 0;
      }
      return position;
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Expected to read the exporter position from the secondary storage, but " + e, e);
    }
  }

  private void run() {
    List<Committed> chunk = new ArrayList<>(MAX_CHUNK);
    while (running) {
      try {
        Committed first = queue.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
          if (lastCommitted > exported) {
            catchUp(lastCommitted);
          }
          continue;
        }
        chunk.add(first);
        queue.drainTo(chunk, MAX_CHUNK - 1);
        export(chunk);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (IOException | SQLException | RuntimeException e) {
        // what the chunk held is in the journal: the idle path reads it back after the pause
        projection.clearCaches();
        LOG.error(
            "Expected to export up to position {}, but it failed; retrying", lastCommitted, e);
        pause();
      } finally {
        chunk.clear();
      }
    }
  }

  private void export(List<Committed> chunk) throws IOException, SQLException {
    List<Committed> pending = new ArrayList<>(chunk.size());
    for (Committed committed : chunk) {
      long expected = (pending.isEmpty() ? exported : pending.getLast().position()) + 1;
      if (committed.position() < expected) {
        continue; // already read back from the journal
      }
      if (committed.position() > expected) {
        write(pending);
        pending.clear();
        catchUp(committed.position() - 1);
      }
      pending.add(committed);
    }
    write(pending);
  }

  private void catchUp(long upTo) throws IOException, SQLException {
    List<Committed> pending = new ArrayList<>(MAX_CHUNK);
    journal.read(
        exported,
        upTo,
        (position, payload) -> {
          pending.add(new Committed(position, codec.decode(payload)));
          if (pending.size() == MAX_CHUNK) {
            writeUnchecked(pending);
            pending.clear();
          }
        });
    write(pending);
    fromJournal.addAndGet(pending.size());
  }

  private void writeUnchecked(List<Committed> batches) throws IOException {
    try {
      write(batches);
      fromJournal.addAndGet(batches.size());
    } catch (SQLException e) {
      throw new IOException(e);
    }
  }

  private void write(List<Committed> batches) throws SQLException {
    if (batches.isEmpty()) {
      return;
    }
    long last = batches.getLast().position();
    try (Connection connection = storage.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      try {
        for (Committed committed : batches) {
          projection.project(connection, committed.batch());
        }
        try (PreparedStatement position =
            connection.prepareStatement("UPDATE exporter_position SET position = ? WHERE id = 1")) {
          position.setLong(1, last);
          position.executeUpdate();
        }
        projection.closeStatements();
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        projection.closeStatements();
        connection.rollback();
        throw e;
      }
    }
    exported = last;
  }

  private void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /** Stops after the chunk in hand; what is left is exported from the journal at the next start. */
  @Override
  public void close() {
    running = false;
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
