package io.orderhub.engine.journal;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The journal's binary layout: segment headers and records. All integers are big-endian.
 *
 * <pre>
 * segment header (20 bytes): [int magic "OHJL"][int version = 1][long firstPosition][int crc32c]
 *                            crc32c covers the 16 bytes before it
 * record (16 + n bytes):     [int n][long position][int crc32c][n bytes payload]
 *                            crc32c covers n, position and the payload
 * </pre>
 *
 * <p>The checksum covers the length and position as well as the payload so that a flipped bit in
 * any of them is caught, not just in the payload. Stateless and thread-safe.
 */
final class JournalRecordCodec {

  static final int SEGMENT_MAGIC = 0x4F484A4C; // "OHJL"
  static final int SEGMENT_VERSION = 1;
  static final int SEGMENT_HEADER_SIZE = 20;
  static final int RECORD_HEADER_SIZE = 16;

  /** Keeps a whole record addressable by an int, as ByteBuffers and arrays require. */
  static final int MAX_PAYLOAD_SIZE = Integer.MAX_VALUE - RECORD_HEADER_SIZE;

  private JournalRecordCodec() {}

  static void writeSegmentHeader(ByteBuffer target, long firstPosition) {
    int start = target.position();
    target.putInt(SEGMENT_MAGIC).putInt(SEGMENT_VERSION).putLong(firstPosition);
    CRC32C crc = new CRC32C();
    crc.update(target.duplicate().position(start).limit(start + 16));
    target.putInt((int) crc.getValue());
  }

  /**
   * Checks a segment header against the first position its file name promises.
   *
   * @param header exactly {@link #SEGMENT_HEADER_SIZE} bytes
   * @return why the header is invalid, or {@code null} when it is valid
   */
  static String segmentHeaderProblem(ByteBuffer header, long expectedFirstPosition) {
    int magic = header.getInt(0);
    int version = header.getInt(4);
    long firstPosition = header.getLong(8);
    int storedCrc = header.getInt(16);
    CRC32C crc = new CRC32C();
    crc.update(header.duplicate().position(0).limit(16));
    if ((int) crc.getValue() != storedCrc) {
      return "segment header checksum mismatch";
    }
    if (magic != SEGMENT_MAGIC) {
      return "not a journal segment (magic 0x" + Integer.toHexString(magic) + ")";
    }
    if (version != SEGMENT_VERSION) {
      return "unsupported segment version " + version;
    }
    if (firstPosition != expectedFirstPosition) {
      return "segment header says first position "
          + firstPosition
          + " but the file name says "
          + expectedFirstPosition;
    }
    return null;
  }

  /** Writes the whole record; target must have {@code RECORD_HEADER_SIZE + length} remaining. */
  static void writeRecord(ByteBuffer target, long position, byte[] payload) {
    writeRecordHeader(target, position, payload);
    target.put(payload);
  }

  /** Writes only the header, for payloads too large to copy into the write buffer. */
  static void writeRecordHeader(ByteBuffer target, long position, byte[] payload) {
    target
        .putInt(payload.length)
        .putLong(position)
        .putInt(checksum(payload.length, position, payload));
  }

  static int checksum(int length, long position, byte[] payload) {
    CRC32C crc = new CRC32C();
    crc.update(ByteBuffer.allocate(12).putInt(length).putLong(position).flip());
    crc.update(payload);
    return (int) crc.getValue();
  }

  static int recordSize(byte[] payload) {
    return RECORD_HEADER_SIZE + payload.length;
  }
}
