package io.orderhub.engine.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One segment file of the journal, named by the position of its first record ({@code
 * 00000000000000000001.log}) so that the segments' order and coverage are known from a directory
 * listing alone. Immutable; the file operations are safe to call from any thread, but the journal
 * makes sure only one thread writes a given file.
 */
record JournalSegment(Path path, long firstPosition) {

  private static final Pattern FILE_NAME = Pattern.compile("(\\d{20})\\.log");

  static JournalSegment in(Path dir, long firstPosition) {
    return new JournalSegment(dir.resolve("%020d.log".formatted(firstPosition)), firstPosition);
  }

  /** The directory's segments, ordered by first position; other files are ignored. */
  static List<JournalSegment> list(Path dir) throws IOException {
    List<JournalSegment> segments = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Matcher matcher = FILE_NAME.matcher(file.getFileName().toString());
        if (matcher.matches() && Files.isRegularFile(file)) {
          segments.add(new JournalSegment(file, Long.parseLong(matcher.group(1))));
        }
      }
    }
    segments.sort(Comparator.comparingLong(JournalSegment::firstPosition));
    return segments;
  }

  /**
   * Creates the file with its header. With fsync the header and the directory entry are forced, so
   * a crash cannot leave a segment that exists in name but has no valid header.
   *
   * @return the channel, positioned after the header, ready for appending records
   */
  FileChannel create(boolean fsync) throws IOException {
    FileChannel channel =
        FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    try {
      ByteBuffer header = ByteBuffer.allocate(JournalRecordCodec.SEGMENT_HEADER_SIZE);
      JournalRecordCodec.writeSegmentHeader(header, firstPosition);
      writeFully(channel, header.flip());
      if (fsync) {
        channel.force(false);
        Fsync.directory(path.getParent());
      }
      return channel;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Opens the existing file for appending after its last byte. */
  FileChannel openForAppend() throws IOException {
    FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE);
    channel.position(channel.size());
    return channel;
  }

  /**
   * Cuts the file to {@code validEnd} bytes. When even the header was invalid the header is
   * rewritten, because the file name is then the only trustworthy record of the first position and
   * the next append must land in a segment that says so.
   */
  void truncate(long validEnd, boolean fsync) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
      if (validEnd < JournalRecordCodec.SEGMENT_HEADER_SIZE) {
        ByteBuffer header = ByteBuffer.allocate(JournalRecordCodec.SEGMENT_HEADER_SIZE);
        JournalRecordCodec.writeSegmentHeader(header, firstPosition);
        channel.position(0);
        writeFully(channel, header.flip());
        validEnd = JournalRecordCodec.SEGMENT_HEADER_SIZE;
      }
      channel.truncate(validEnd);
      if (fsync) {
        channel.force(false);
      }
    }
  }

  static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }
}
