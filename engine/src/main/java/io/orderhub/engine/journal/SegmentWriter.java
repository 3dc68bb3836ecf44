package io.orderhub.engine.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Encodes batches of entries into the active segment, rolls to a new segment when the active one is
 * full, and forces each batch to disk with one fsync. Used by the flusher thread only (not
 * thread-safe), except {@link #fsyncCount()}.
 */
final class SegmentWriter implements AutoCloseable {

  /** Large enough that a typical group commit is one write call; bigger batches take several. */
  private static final int BUFFER_SIZE = 4 * 1024 * 1024;

  private final long segmentSizeBytes;
  private final boolean fsync;
  private final Consumer<JournalSegment> onSegmentCreated;
  private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_SIZE);
  private final AtomicLong fsyncCount = new AtomicLong();
  private JournalSegment segment;
  private FileChannel channel;

  // Of the last write(): for the journal's observer, read on the same (flusher) thread.
  private long lastWriteNanos;
  private long lastFsyncNanos;
  private long lastBytes;

  /** Bytes in the active segment, including those still in the buffer. */
  private long segmentBytes;

  SegmentWriter(
      JournalSegment activeSegment,
      FileChannel activeChannel,
      JournalConfig config,
      Consumer<JournalSegment> onSegmentCreated)
      throws IOException {
    this.segment = activeSegment;
    this.channel = activeChannel;
    this.segmentBytes = activeChannel.size();
    this.segmentSizeBytes = config.segmentSizeBytes();
    this.fsync = config.fsync();
    this.onSegmentCreated = onSegmentCreated;
  }

  /** Writes the entries (contiguous positions, continuing the journal) and makes them durable. */
  void write(List<PendingEntry> entries) throws IOException {
    long started = System.nanoTime();
    long bytes = 0;
    for (PendingEntry entry : entries) {
      byte[] payload = entry.payload();
      int recordSize = JournalRecordCodec.recordSize(payload);
      boolean segmentHasRecords = segmentBytes > JournalRecordCodec.SEGMENT_HEADER_SIZE;
      if (segmentHasRecords && segmentBytes + recordSize > segmentSizeBytes) {
        roll(entry.position());
      }
      if (buffer.remaining() < recordSize) {
        drainBuffer();
      }
      if (buffer.remaining() >= recordSize) {
        JournalRecordCodec.writeRecord(buffer, entry.position(), payload);
      } else {
        // Larger than the whole buffer: write the payload straight from the caller's array
        // rather than growing the buffer for good.
        JournalRecordCodec.writeRecordHeader(buffer, entry.position(), payload);
        drainBuffer();
        JournalSegment.writeFully(channel, ByteBuffer.wrap(payload));
      }
      segmentBytes += recordSize;
      bytes += recordSize;
    }
    drainBuffer();
    long written = System.nanoTime();
    force();
    lastFsyncNanos = System.nanoTime() - written;
    lastWriteNanos = written - started;
    lastBytes = bytes;
  }

  long lastWriteNanos() {
    return lastWriteNanos;
  }

  long lastFsyncNanos() {
    return lastFsyncNanos;
  }

  long lastBytes() {
    return lastBytes;
  }

  private void roll(long firstPosition) throws IOException {
    // The full segment must be durable before records exist after it; otherwise a crash could
    // keep the new segment but lose the old one's tail, a gap that recovery would have to cut.
    drainBuffer();
    force();
    JournalSegment next = JournalSegment.in(segment.path().getParent(), firstPosition);
    FileChannel nextChannel = next.create(fsync);
    if (fsync) {
      fsyncCount.addAndGet(2); // the new file's header and its directory entry
    }
    channel.close();
    segment = next;
    channel = nextChannel;
    segmentBytes = JournalRecordCodec.SEGMENT_HEADER_SIZE;
    onSegmentCreated.accept(next);
  }

  private void drainBuffer() throws IOException {
    buffer.flip();
    JournalSegment.writeFully(channel, buffer);
    buffer.clear();
  }

  private void force() throws IOException {
    if (fsync) {
      // Data only: fdatasync still persists the file size, which is all a reader needs.
      channel.force(false);
      fsyncCount.incrementAndGet();
    }
  }

  /** FileChannel.force calls made so far, including those for new segments and directories. */
  long fsyncCount() {
    return fsyncCount.get();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
