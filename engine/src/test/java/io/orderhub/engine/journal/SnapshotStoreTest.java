package io.orderhub.engine.journal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotStoreTest {

  @TempDir Path dir;

  @Test
  void shouldHaveNoSnapshotBeforeTheFirstWrite() throws IOException {
    assertThat(new SnapshotStore(dir.resolve("missing")).latest()).isEmpty();
    assertThat(new SnapshotStore(dir).latest()).isEmpty();
  }

  @Test
  void shouldReturnTheNewestWrittenSnapshot() throws IOException {
    SnapshotStore store = new SnapshotStore(dir);
    store.write(10, bytes("ten"));
    store.write(20, bytes("twenty"));

    SnapshotStore.Snapshot latest = new SnapshotStore(dir).latest().orElseThrow();

    assertThat(latest.position()).isEqualTo(20);
    assertThat(latest.data()).isEqualTo(bytes("twenty"));
  }

  @Test
  void shouldStoreAnEmptySnapshot() throws IOException {
    SnapshotStore store = new SnapshotStore(dir);
    store.write(0, new byte[0]);

    assertThat(store.latest().orElseThrow().data()).isEmpty();
  }

  @Test
  void shouldFallBackToTheOlderSnapshotWhenTheNewestIsCorrupt() throws IOException {
    SnapshotStore store = new SnapshotStore(dir);
    store.write(10, bytes("ten"));
    store.write(20, bytes("twenty"));
    Path newest = snapshotFiles().getLast();
    try (FileChannel channel = FileChannel.open(newest, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(bytes("X")), channel.size() - 1);
    }

    SnapshotStore.Snapshot latest = store.latest().orElseThrow();

    assertThat(latest.position()).isEqualTo(10);
    assertThat(latest.data()).isEqualTo(bytes("ten"));
  }

  @Test
  void shouldFallBackToTheOlderSnapshotWhenTheNewestIsTruncated() throws IOException {
    SnapshotStore store = new SnapshotStore(dir);
    store.write(10, bytes("ten"));
    store.write(20, bytes("twenty"));
    try (FileChannel channel =
        FileChannel.open(snapshotFiles().getLast(), StandardOpenOption.WRITE)) {
      channel.truncate(channel.size() - 2);
    }

    assertThat(store.latest().orElseThrow().position()).isEqualTo(10);
  }

  @Test
  void shouldKeepOnlyTheTwoNewestSnapshots() throws IOException {
    SnapshotStore store = new SnapshotStore(dir);
    store.write(10, bytes("ten"));
    store.write(20, bytes("twenty"));
    store.write(30, bytes("thirty"));

    assertThat(snapshotFiles())
        .extracting(file -> file.getFileName().toString())
        .containsExactly("00000000000000000020.snapshot", "00000000000000000030.snapshot");
    assertThat(store.latest().orElseThrow().position()).isEqualTo(30);
  }

  @Test
  void shouldLeaveNoTemporaryFilesBehind() throws IOException {
    Files.writeString(dir.resolve("00000000000000000005.snapshot.tmp"), "crashed mid-write");
    SnapshotStore store = new SnapshotStore(dir);
    store.write(10, bytes("ten"));

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .containsExactly("00000000000000000010.snapshot");
    }
  }

  private List<Path> snapshotFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(file -> file.toString().endsWith(".snapshot")).sorted().toList();
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }
}
