package io.orderhub.engine.journal;

/**
 * Settings of a {@link Journal}.
 *
 * @param segmentSizeBytes size at which the journal starts a new segment file; a segment only
 *     exceeds it when a single record is larger than a whole segment
 * @param fsync whether writes are forced to stable storage; {@code false} gives up durability and
 *     is meant for throwaway tests only
 */
public record JournalConfig(long segmentSizeBytes, boolean fsync) {

  public static final long DEFAULT_SEGMENT_SIZE_BYTES = 64L * 1024 * 1024;

  public JournalConfig {
    long minimum = JournalRecordCodec.SEGMENT_HEADER_SIZE + JournalRecordCodec.RECORD_HEADER_SIZE;
    if (segmentSizeBytes < minimum) {
      throw new IllegalArgumentException(
          "Expected segmentSizeBytes to be at least "
              + minimum
              + " (a segment header and one record header), but it was "
              + segmentSizeBytes);
    }
  }

  /** 64 MiB segments, fsync on. */
  public static JournalConfig defaults() {
    return new JournalConfig(DEFAULT_SEGMENT_SIZE_BYTES, true);
  }
}
