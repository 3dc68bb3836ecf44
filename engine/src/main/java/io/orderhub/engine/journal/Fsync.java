package io.orderhub.engine.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Makes directory changes (created, renamed, deleted files) durable. */
final class Fsync {

  private Fsync() {}

  /**
   * Forces the directory's entries to disk. Creating or renaming a file is not durable until its
   * directory is fsynced, even when the file's own contents are.
   */
  static void directory(Path dir) throws IOException {
    FileChannel channel;
    try {
      channel = FileChannel.open(dir, StandardOpenOption.READ);
    } catch (IOException e) {
      // Some platforms (Windows) cannot open a directory; their file systems journal metadata
      // changes themselves, so there is nothing more to do there.
      return;
    }
    try (channel) {
      channel.force(true);
    }
  }
}
