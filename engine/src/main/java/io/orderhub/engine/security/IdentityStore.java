package io.orderhub.engine.security;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.UnaryOperator;

/**
 * Keeps {@link Identities} in its own file in the engine's data directory, apart from the journal:
 * identity changes are rare, and a whole-file rewrite (temp file, fsync, atomic rename, directory
 * fsync) keeps the file either the old or the new version after any crash.
 */
public final class IdentityStore {

  static final String FILE_NAME = "identities.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final Path file;
  private final boolean fsync;
  private volatile Identities current;

  private IdentityStore(Path file, boolean fsync, Identities current) {
    this.file = file;
    this.fsync = fsync;
    this.current = current;
  }

  public static IdentityStore open(Path directory, boolean fsync) throws IOException {
    Files.createDirectories(directory);
    Path file = directory.resolve(FILE_NAME);
    Identities loaded =
        Files.exists(file) ? JSON.readValue(file.toFile(), Identities.class) : Identities.empty();
    return new IdentityStore(file, fsync, loaded);
  }

  public Identities current() {
    return current;
  }

  /**
   * Applies a change durably: the new value is on disk before anyone reads it. Changes are
   * serialized so none is lost to a concurrent one.
   */
  public synchronized Identities update(UnaryOperator<Identities> change) {
    Identities next = change.apply(current);
    if (next == current) {
      return next;
    }
    try {
      write(next);
    } catch (IOException e) {
      throw new UncheckedIOException("Expected to store the identities in " + file, e);
    }
    current = next;
    return next;
  }

  private void write(Identities value) throws IOException {
    Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
    byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
    try (FileChannel channel =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      channel.write(java.nio.ByteBuffer.wrap(bytes));
      if (fsync) {
        channel.force(true);
      }
    }
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
    if (fsync) {
      // the rename itself is only durable once the directory entry is
      try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
        dir.force(true);
      } catch (IOException ignored) {
        // some file systems refuse to open directories; the rename is then as durable as it gets
      }
    }
  }
}
