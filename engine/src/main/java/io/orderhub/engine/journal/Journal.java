package io.orderhub.engine.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The engine's append-only, checksummed log of event batches: the source of truth that state is
 * rebuilt from (latest snapshot, then {@link #replay} of the entries after it).
 *
 * <h2>Positions</h2>
 *
 * Every entry gets a position when appended: 1 for the first entry ever, then one more per entry,
 * without gaps, across reopens and compaction.
 *
 * <h2>Durability</h2>
 *
 * {@link #append} returns at once; the entry becomes durable when the flusher thread ({@value
 * GroupCommitFlusher#THREAD_NAME}) has written and fsynced it. Only then does its onDurable
 * callback run, so a client acknowledged from that callback never loses its command to a crash. The
 * flusher writes everything appended since its previous fsync with one write and one {@code
 * FileChannel.force(false)} (group commit): the busier the engine, the more entries share an fsync.
 * A failed write or fsync is fatal: it is logged at ERROR and every later append or flush throws
 * {@link IllegalStateException}; reopening recovers what reached the disk.
 *
 * <h2>Recovery</h2>
 *
 * {@link #open} verifies every record. The journal is cut at the first record that is partial, has
 * a bad length, a bad checksum or a position other than the previous one plus one: that segment is
 * truncated after its last good record and all later segments are deleted. Such a tail comes from a
 * write torn by a crash (never acknowledged, so nothing acknowledged is lost) or from disk
 * corruption; either way it is never replayed. Each cut is logged at WARN with the position and the
 * reason.
 *
 * <h2>On-disk format</h2>
 *
 * A directory of segment files, each named by the 20-digit, zero-padded position of its first
 * record ({@code 00000000000000000001.log}). A new segment starts when the next record would push
 * the active one past {@link JournalConfig#segmentSizeBytes()} (a record larger than a segment gets
 * a segment of its own). All integers are big-endian:
 *
 * <pre>
 * segment = header record*
 * header  = [int magic 0x4F484A4C "OHJL"][int version 1][long firstPosition][int crc32c]
 *           (the checksum covers the 16 bytes before it)
 * record  = [int length][long position][int crc32c][length bytes payload]
 *           (the checksum covers length, position and payload)
 * </pre>
 *
 * Checksums are CRC32C ({@link java.util.zip.CRC32C}).
 *
 * <h2>Thread-safety</h2>
 *
 * {@link #append}, {@link #flush}, {@link #lastPosition}, {@link #fsyncCount}, {@link #compactUpTo}
 * and {@link #close} may be called from any thread; appends are normally made by the engine's
 * single processing thread. {@link #replay} is for recovery, before the first append.
 */
public final class Journal implements AutoCloseable {

  private final Path dir;
  private final JournalConfig config;
  private final JournalSegments segments;
  private final GroupCommitFlusher flusher;
  private final long recoveredLastPosition;

  private Journal(
      Path dir,
      JournalConfig config,
      JournalSegments segments,
      GroupCommitFlusher flusher,
      long recoveredLastPosition) {
    this.dir = dir;
    this.config = config;
    this.segments = segments;
    this.flusher = flusher;
    this.recoveredLastPosition = recoveredLastPosition;
  }

  /**
   * Opens the journal in dir, creating the directory and an empty journal if needed. Verifies every
   * record and cuts a torn or corrupt tail (see the class description), then starts the flusher
   * thread.
   */
  public static Journal open(Path dir, JournalConfig config) throws IOException {
    Files.createDirectories(dir);
    JournalRecovery.Result recovered = JournalRecovery.recover(dir, config.fsync());
    JournalSegments segments = new JournalSegments(recovered.segments());
    JournalSegment active = recovered.segments().getLast();
    FileChannel channel = active.openForAppend();
    SegmentWriter writer;
    try {
      writer = new SegmentWriter(active, channel, config, segments::add);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    GroupCommitFlusher flusher = GroupCommitFlusher.start(writer, recovered.lastPosition());
    return new Journal(dir, config, segments, flusher, recovered.lastPosition());
  }

  /**
   * Position of the last entry: after open the last valid one on disk, afterwards the last one
   * appended, durable or not. 0 when nothing was ever appended.
   */
  public long lastPosition() {
    return flusher.lastAppendedPosition();
  }

  /**
   * Calls consumer for every entry with a position above fromExclusive, in position order, on the
   * calling thread. For recovery only: it must be called before the first append.
   *
   * @throws IOException when an entry after fromExclusive was already compacted away, when
   *     fromExclusive is beyond the last entry (the journal lost entries a snapshot already covers,
   *     and new appends would reuse their positions), or when a segment changed on disk since open
   * @throws IllegalStateException when called after an append
   */
  public void replay(long fromExclusive, EntryConsumer consumer) throws IOException {
    if (flusher.hasAppended()) {
      throw new IllegalStateException(
          "Expected to replay the journal before the first append, but entries were appended");
    }
    if (fromExclusive < 0) {
      throw new IllegalArgumentException(
          "Expected a non-negative position to replay from, but got " + fromExclusive);
    }
    if (fromExclusive > recoveredLastPosition) {
      throw new IOException(
          "Expected to replay the journal after position %d, but it ends at position %d; entries up to %d are missing from %s"
              .formatted(fromExclusive, recoveredLastPosition, fromExclusive, dir));
    }
    List<JournalSegment> current = segments.snapshot();
    long oldest = current.getFirst().firstPosition();
    if (fromExclusive + 1 < oldest) {
      throw new IOException(
          "Expected to replay the journal after position %d, but its oldest entry is %d; the ones in between were compacted away"
              .formatted(fromExclusive, oldest));
    }
    for (int i = 0; i < current.size(); i++) {
      boolean hasLaterSegment = i + 1 < current.size();
      if (hasLaterSegment && current.get(i + 1).firstPosition() - 1 <= fromExclusive) {
        continue;
      }
      replaySegment(current.get(i), fromExclusive, consumer);
    }
  }

  /**
   * Calls consumer for the entries in (fromExclusive, toInclusive], in position order, on the
   * calling thread, while the engine goes on appending: for readers that fell behind (the
   * exporter). Only durable entries may be asked for; the active segment is read up to them.
   *
   * @throws IOException when an entry in the range was compacted away or cannot be read
   */
  public void readCommitted(long fromExclusive, long toInclusive, EntryConsumer consumer)
      throws IOException {
    if (toInclusive <= fromExclusive) {
      return;
    }
    List<JournalSegment> current = segments.snapshot();
    long oldest = current.getFirst().firstPosition();
    if (fromExclusive + 1 < oldest) {
      throw new IOException(
          "Expected to read the journal after position %d, but its oldest entry is %d; the ones in between were compacted away"
              .formatted(fromExclusive, oldest));
    }
    long next = fromExclusive + 1;
    for (int i = 0; i < current.size() && next <= toInclusive; i++) {
      boolean hasLaterSegment = i + 1 < current.size();
      if (hasLaterSegment && current.get(i + 1).firstPosition() <= next) {
        continue;
      }
      try (SegmentReader reader = SegmentReader.open(current.get(i))) {
        while (next <= toInclusive && reader.next()) {
          if (reader.position() == next) {
            consumer.accept(reader.position(), reader.payload());
            next++;
          }
        }
      }
    }
    if (next <= toInclusive) {
      throw new IOException(
          "Expected to read the journal up to position %d, but it stopped before %d"
              .formatted(toInclusive, next));
    }
  }

  private void replaySegment(JournalSegment segment, long fromExclusive, EntryConsumer consumer)
      throws IOException {
    try (SegmentReader reader = SegmentReader.open(segment)) {
      while (reader.next()) {
        if (reader.position() > fromExclusive) {
          consumer.accept(reader.position(), reader.payload());
        }
      }
      if (reader.problem() != null) {
        throw new IOException(
            "Expected the journal segment %s to be as verified on open, but at position %d: %s"
                .formatted(segment.path(), reader.nextPosition(), reader.problem()));
      }
    }
  }

  /**
   * Appends an entry and returns its position at once, without waiting for the disk.
   *
   * @param payload the entry; the journal takes ownership, it must not be modified afterwards
   * @param onDurable run once the entry is fsynced, or null; runs on the flusher thread strictly in
   *     position order, so it must be cheap and must not block (hand work off to another thread)
   *     nor call {@link #flush()} or {@link #close()}
   * @throws IllegalStateException when the journal is closed or failed to write or fsync earlier
   */
  public long append(byte[] payload, Runnable onDurable) {
    return flusher.append(payload, onDurable);
  }

  /**
   * Blocks until every entry appended before this call is durable and its onDurable callback has
   * run.
   *
   * @throws IllegalStateException when the journal failed to write or fsync
   */
  public void flush() {
    flusher.awaitDurable();
  }

  /**
   * Deletes the segment files whose entries all have positions at or below position; the active
   * segment is always kept. Call it only once a snapshot at that position is durable: replay can
   * then no longer start before it.
   */
  public void compactUpTo(long position) throws IOException {
    List<JournalSegment> removed = segments.removeCoveredUpTo(position);
    for (JournalSegment segment : removed) {
      Files.deleteIfExists(segment.path());
    }
    if (!removed.isEmpty() && config.fsync()) {
      Fsync.directory(dir);
    }
  }

  /**
   * Writes and fsyncs everything appended so far (running its callbacks), stops the flusher and
   * closes the files. Idempotent; appends afterwards throw {@link IllegalStateException}.
   */
  @Override
  public void close() {
    flusher.close();
  }

  /**
   * FileChannel.force calls made since open: one per group commit, plus two per new segment (its
   * header and its directory entry). 0 with fsync disabled.
   */
  public long fsyncCount() {
    return flusher.fsyncCount();
  }
}
