package io.orderhub.engine.journal;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;

/**
 * Reads one segment's records in order, verifying each, and stops at the first one that is not
 * valid: a partial record, a length that does not fit the file, a position that is not the previous
 * one plus one, or a checksum mismatch. What was read up to there is trustworthy; the rest is not.
 * Not thread-safe; the file must not grow while it is read.
 */
final class SegmentReader implements AutoCloseable {

  private static final int BUFFER_SIZE = 64 * 1024;

  private final DataInputStream in;
  private final long size;
  private final byte[] recordHeader = new byte[JournalRecordCodec.RECORD_HEADER_SIZE];
  private long offset;
  private long validEnd;
  private long nextPosition;
  private String problem;
  private long position;
  private byte[] payload;

  private SegmentReader(JournalSegment segment) throws IOException {
    size = Files.size(segment.path());
    in =
        new DataInputStream(
            new BufferedInputStream(Files.newInputStream(segment.path()), BUFFER_SIZE));
    nextPosition = segment.firstPosition();
    readHeader(segment);
  }

  static SegmentReader open(JournalSegment segment) throws IOException {
    return new SegmentReader(segment);
  }

  private void readHeader(JournalSegment segment) throws IOException {
    if (size < JournalRecordCodec.SEGMENT_HEADER_SIZE) {
      problem = "partial segment header (" + size + " bytes)";
      return;
    }
    byte[] header = new byte[JournalRecordCodec.SEGMENT_HEADER_SIZE];
    in.readFully(header);
    problem =
        JournalRecordCodec.segmentHeaderProblem(ByteBuffer.wrap(header), segment.firstPosition());
    if (problem == null) {
      offset = header.length;
      validEnd = offset;
    }
  }

  /**
   * Advances to the next record.
   *
   * @return true when a valid record was read; false at the end of the valid records, in which case
   *     {@link #problem()} tells whether the segment ended cleanly
   */
  boolean next() throws IOException {
    payload = null;
    if (problem != null || offset == size) {
      return false;
    }
    long remaining = size - offset;
    if (remaining < JournalRecordCodec.RECORD_HEADER_SIZE) {
      problem = "partial record header (" + remaining + " bytes)";
      return false;
    }
    in.readFully(recordHeader);
    ByteBuffer header = ByteBuffer.wrap(recordHeader);
    int length = header.getInt(0);
    long recordPosition = header.getLong(4);
    int storedChecksum = header.getInt(12);
    long payloadRoom = remaining - JournalRecordCodec.RECORD_HEADER_SIZE;
    if (length < 0) {
      problem = "bad record length " + length;
      return false;
    }
    if (length > payloadRoom) {
      // Either a write that was torn by a crash or a corrupt length; neither can be trusted.
      problem =
          "record length " + length + " exceeds the " + payloadRoom + " bytes left in the segment";
      return false;
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    if (JournalRecordCodec.checksum(length, recordPosition, bytes) != storedChecksum) {
      problem = "checksum mismatch";
      return false;
    }
    if (recordPosition != nextPosition) {
      problem = "record has position " + recordPosition + " but " + nextPosition + " was expected";
      return false;
    }
    offset += JournalRecordCodec.RECORD_HEADER_SIZE + length;
    validEnd = offset;
    position = recordPosition;
    payload = bytes;
    nextPosition++;
    return true;
  }

  long position() {
    return position;
  }

  byte[] payload() {
    return payload;
  }

  /** The position the next record must have: one after the last valid one. */
  long nextPosition() {
    return nextPosition;
  }

  /** Bytes up to the end of the last valid record; 0 when even the segment header is invalid. */
  long validEnd() {
    return validEnd;
  }

  /** Why reading stopped before the end of the file, or {@code null} if it did not. */
  String problem() {
    return problem;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
