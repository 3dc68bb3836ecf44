package io.orderhub.engine.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores snapshots of the engine state, each tagged with the journal position it reflects, so that
 * recovery replays only the journal entries after it.
 *
 * <p>A snapshot is written to a temporary file, fsynced, renamed into place and the directory
 * fsynced: a crash leaves either the complete new snapshot or none, never a partial one under the
 * final name. The newest two are kept, so that a newest one damaged on disk still leaves an older
 * one to fall back to (the journal must then still hold the entries after the older one, which is
 * why the journal should be compacted only up to the older snapshot's position).
 *
 * <p>Format of {@code <20-digit position>.snapshot}, big-endian:
 *
 * <pre>
 * [int magic 0x4F48534E "OHSN"][int version 1][long position][int length][int crc32c][length bytes]
 * </pre>
 *
 * The CRC32C covers magic, version, position, length and the data.
 *
 * <p>Thread-safety: all methods are safe to call from any thread; they are serialised.
 */
public final class SnapshotStore {

  private static final Logger LOG = LoggerFactory.getLogger(SnapshotStore.class);
  private static final int MAGIC = 0x4F48534E; // "OHSN"
  private static final int VERSION = 1;
  private static final int HEADER_SIZE = 24;
  private static final int KEEP = 2;
  private static final Pattern FILE_NAME = Pattern.compile("(\\d{20})\\.snapshot");
  private static final String TEMP_SUFFIX = ".tmp";

  private final Path dir;

  /** No I/O happens here; the directory is created by the first write. */
  public SnapshotStore(Path dir) {
    this.dir = dir;
  }

  /**
   * A snapshot: the state after applying every journal entry up to and including position.
   *
   * @param data owned by the receiver; not copied
   */
  public record Snapshot(long position, byte[] data) {}

  /**
   * Durably stores state as the snapshot at position, then deletes all but the newest two snapshots
   * (newest = highest position). Returns once the snapshot is durable.
   */
  public synchronized void write(long position, byte[] state) throws IOException {
    if (position < 0) {
      throw new IllegalArgumentException(
          "Expected a non-negative snapshot position, but got " + position);
    }
    Files.createDirectories(dir);
    Path target = fileFor(position);
    Path temp = target.resolveSibling(target.getFileName() + TEMP_SUFFIX);
    try (FileChannel channel =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      JournalSegment.writeFully(channel, encodeHeader(position, state));
      JournalSegment.writeFully(channel, ByteBuffer.wrap(state));
      channel.force(true);
    }
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    Fsync.directory(dir);
    deleteAllButNewest();
  }

  /**
   * The newest snapshot that verifies, or empty when there is none. A damaged snapshot is skipped
   * with a WARN log and the next older one is tried.
   */
  public synchronized Optional<Snapshot> latest() throws IOException {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    for (long position : positionsNewestFirst()) {
      Path file = fileFor(position);
      Snapshot snapshot;
      try {
        snapshot = read(file, position);
      } catch (NoSuchFileException e) {
        continue; // deleted by a concurrent process since the listing; not ours to worry about
      } catch (CorruptSnapshotException e) {
        LOG.warn("Skipping snapshot {}: {}; falling back to an older one", file, e.getMessage());
        continue;
      }
      return Optional.of(snapshot);
    }
    return Optional.empty();
  }

  private static Snapshot read(Path file, long expectedPosition) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size < HEADER_SIZE) {
        throw new CorruptSnapshotException("partial header (" + size + " bytes)");
      }
      ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE);
      readFully(channel, header);
      int length = header.getInt(16);
      if (length != size - HEADER_SIZE) {
        throw new CorruptSnapshotException(
            "length " + length + " does not match the " + (size - HEADER_SIZE) + " data bytes");
      }
      byte[] data = new byte[length];
      readFully(channel, ByteBuffer.wrap(data));
      CRC32C crc = new CRC32C();
      crc.update(header.array(), 0, 20);
      crc.update(data);
      if ((int) crc.getValue() != header.getInt(20)) {
        throw new CorruptSnapshotException("checksum mismatch");
      }
      if (header.getInt(0) != MAGIC || header.getInt(4) != VERSION) {
        throw new CorruptSnapshotException("not a version " + VERSION + " snapshot");
      }
      if (header.getLong(8) != expectedPosition) {
        throw new CorruptSnapshotException(
            "position " + header.getLong(8) + " does not match the file name");
      }
      return new Snapshot(expectedPosition, data);
    }
  }

  private static void readFully(FileChannel channel, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      if (channel.read(buffer) < 0) {
        throw new CorruptSnapshotException("file shorter than its length says");
      }
    }
  }

  private static final class CorruptSnapshotException extends IOException {
    CorruptSnapshotException(String message) {
      super(message);
    }
  }

  private static ByteBuffer encodeHeader(long position, byte[] state) {
    ByteBuffer header =
        ByteBuffer.allocate(HEADER_SIZE)
            .putInt(MAGIC)
            .putInt(VERSION)
            .putLong(position)
            .putInt(state.length);
    CRC32C crc = new CRC32C();
    crc.update(header.array(), 0, 20);
    crc.update(state);
    return header.putInt((int) crc.getValue()).flip();
  }

  private void deleteAllButNewest() throws IOException {
    List<Long> positions = positionsNewestFirst();
    for (long position : positions.subList(Math.min(KEEP, positions.size()), positions.size())) {
      Files.deleteIfExists(fileFor(position));
    }
    // Temp files of writes that crashed before their rename; never read, so just clear them.
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (file.getFileName().toString().endsWith(".snapshot" + TEMP_SUFFIX)) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  private List<Long> positionsNewestFirst() throws IOException {
    List<Long> positions = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Matcher matcher = FILE_NAME.matcher(file.getFileName().toString());
        if (matcher.matches()) {
          positions.add(Long.parseLong(matcher.group(1)));
        }
      }
    }
    positions.sort(Comparator.reverseOrder());
    return positions;
  }

  private Path fileFor(long position) {
    return dir.resolve("%020d.snapshot".formatted(position));
  }
}
