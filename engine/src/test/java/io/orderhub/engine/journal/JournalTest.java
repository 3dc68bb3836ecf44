package io.orderhub.engine.journal;

import static io.orderhub.engine.journal.JournalRecordCodec.RECORD_HEADER_SIZE;
import static io.orderhub.engine.journal.JournalRecordCodec.SEGMENT_HEADER_SIZE;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JournalTest {

  // Fixed-size entries make record offsets computable, so tests can damage a chosen record.
  private static final int PAYLOAD_SIZE = 32;
  private static final int RECORD_SIZE = RECORD_HEADER_SIZE + PAYLOAD_SIZE;
  private static final int RECORDS_PER_SEGMENT = 5;
  private static final JournalConfig SMALL_SEGMENTS =
      new JournalConfig(SEGMENT_HEADER_SIZE + RECORDS_PER_SEGMENT * RECORD_SIZE, true);

  @TempDir Path dir;

  @Test
  void shouldReplayAppendedEntriesAcrossSegmentRolls() throws IOException {
    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      for (long position = 1; position <= 23; position++) {
        assertThat(journal.append(payload(position), null)).isEqualTo(position);
      }
    }

    assertThat(segmentFirstPositions()).containsExactly(1L, 6L, 11L, 16L, 21L);
    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      assertThat(journal.lastPosition()).isEqualTo(23);
      assertThat(replay(journal, 0)).containsExactlyElementsOf(entries(1, 23));
      assertThat(replay(journal, 12)).containsExactlyElementsOf(entries(13, 23));
      assertThat(replay(journal, 23)).isEmpty();
    }
  }

  @Test
  void shouldStoreEntriesLargerThanASegmentOrTheWriteBuffer() throws IOException {
    byte[] large = new byte[1000];
    byte[] huge = new byte[5 * 1024 * 1024];
    huge[huge.length - 1] = 42;
    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      journal.append(payload(1), null);
      journal.append(large, null);
      journal.append(huge, null);
      journal.append(payload(4), null);
    }

    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      List<byte[]> payloads = new ArrayList<>();
      journal.replay(0, (position, payload) -> payloads.add(payload));
      assertThat(payloads).hasSize(4);
      assertThat(payloads.get(1)).isEqualTo(large);
      assertThat(payloads.get(2)).isEqualTo(huge);
      assertThat(payloads.get(3)).isEqualTo(payload(4));
    }
  }

  @Test
  void shouldContinueContiguousPositionsAfterReopen() throws IOException {
    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      assertThat(journal.lastPosition()).isZero();
      appendEntries(journal, 1, 3);
    }
    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      assertThat(journal.lastPosition()).isEqualTo(3);
      assertThat(journal.append(payload(4), null)).isEqualTo(4);
      assertThat(journal.append(payload(5), null)).isEqualTo(5);
    }

    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      assertThat(replay(journal, 0)).containsExactlyElementsOf(entries(1, 5));
    }
  }

  @Test
  void shouldRunOnDurableCallbacksInPositionOrderOnTheFlusherThread() throws IOException {
    Queue<Long> fired = new ConcurrentLinkedQueue<>();
    Queue<String> threads = new ConcurrentLinkedQueue<>();
    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      for (long position = 1; position <= 1000; position++) {
        long expected = position;
        journal.append(
            payload(position),
            () -> {
              fired.add(expected);
              threads.add(Thread.currentThread().getName());
            });
      }
      journal.flush();

      assertThat(fired).containsExactlyElementsOf(LongStream.rangeClosed(1, 1000).boxed().toList());
      assertThat(threads).containsOnly("journal-flusher");
    }

    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      assertThat(replay(journal, 0)).extracting(Entry::position).containsAll(fired);
    }
  }

  @Test
  void shouldHaveWrittenAnEntryToItsFileBeforeItsCallbackRuns() throws IOException {
    // Copying the files from inside entry 100's callback captures the disk as a crash at that
    // moment would leave it: entry 100 and everything before must be recoverable from the copy.
    Path crashDir = Files.createDirectory(dir.resolve("crash"));
    Path journalDir = dir.resolve("journal");
    try (Journal journal = Journal.open(journalDir, SMALL_SEGMENTS)) {
      for (long position = 1; position <= 200; position++) {
        journal.append(
            payload(position), position == 100 ? () -> copy(journalDir, crashDir) : null);
      }
    }

    try (Journal journal = Journal.open(crashDir, SMALL_SEGMENTS)) {
      assertThat(journal.lastPosition()).isGreaterThanOrEqualTo(100);
      assertThat(replay(journal, 0)).containsExactlyElementsOf(entries(1, journal.lastPosition()));
    }
  }

  @Test
  void shouldShareFsyncsAmongManyAppends() throws IOException {
    int appends = 1000;
    AtomicLong durable = new AtomicLong();
    try (Journal journal = Journal.open(dir, JournalConfig.defaults())) {
      for (long position = 1; position <= appends; position++) {
        journal.append(payload(position), durable::incrementAndGet);
      }
      journal.flush();

      assertThat(durable).hasValue(appends);
      assertThat(journal.fsyncCount()).isPositive().isLessThan(appends);
    }
  }

  @Test
  void shouldWriteEverythingAppendedDuringAnFsyncWithTheNextOne() throws IOException {
    // Holding the flusher in entry 1's callback stands in for a slow fsync and makes the batching
    // deterministic: entry 1 is forced alone, entries 2..1000 arrive meanwhile and share one fsync.
    CompletableFuture<Void> flusherHeld = new CompletableFuture<>();
    CountDownLatch appendsDone = new CountDownLatch(1);
    try (Journal journal = Journal.open(dir, JournalConfig.defaults())) {
      try {
        journal.append(
            payload(1),
            () -> {
              flusherHeld.complete(null);
              await(appendsDone);
            });
        flusherHeld.join();
        for (long position = 2; position <= 1000; position++) {
          journal.append(payload(position), null);
        }
      } finally {
        appendsDone.countDown();
      }
      journal.flush();

      assertThat(journal.fsyncCount()).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, PAYLOAD_SIZE / 2, RECORD_SIZE - 8})
  void shouldCutTornTailAndContinueAtTheNextPosition(int bytesLost) throws IOException {
    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      appendEntries(journal, 1, 10);
    }
    Path last = segmentFile(6);
    try (FileChannel channel = FileChannel.open(last, StandardOpenOption.WRITE)) {
      channel.truncate(channel.size() - bytesLost);
    }

    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      assertThat(journal.lastPosition()).isEqualTo(9);
      assertThat(Files.size(last)).isEqualTo(SEGMENT_HEADER_SIZE + 4L * RECORD_SIZE);
      assertThat(replay(journal, 0)).containsExactlyElementsOf(entries(1, 9));
      assertThat(journal.append(payload(10), null)).isEqualTo(10);
      assertThat(journal.append(payload(11), null)).isEqualTo(11);
    }

    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      assertThat(replay(journal, 0)).containsExactlyElementsOf(entries(1, 11));
    }
  }

  @Test
  void shouldCutCorruptPayloadOfTheLastRecord() throws IOException {
    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      appendEntries(journal, 1, 10);
    }
    flipByte(segmentFile(6), Files.size(segmentFile(6)) - 1);

    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      assertThat(journal.lastPosition()).isEqualTo(9);
      assertThat(replay(journal, 0)).containsExactlyElementsOf(entries(1, 9));
      assertThat(journal.append(payload(10), null)).isEqualTo(10);
    }
  }

  @Test
  void shouldCutEverythingFromACorruptRecordInTheMiddle() throws IOException {
    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      appendEntries(journal, 1, 23);
    }
    flipByte(segmentFile(6), recordOffset(8) + RECORD_HEADER_SIZE + 5);

    assertCutAt(8);
  }

  @Test
  void shouldCutAtARecordWhoseLengthExceedsTheSegment() throws IOException {
    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      appendEntries(journal, 1, 23);
    }
    writeInt(segmentFile(6), recordOffset(8), 1_000_000);

    assertCutAt(8);
  }

  @Test
  void shouldCutAtARecordWithAnUnexpectedPosition() throws IOException {
    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      appendEntries(journal, 1, 23);
    }
    // A well-formed record with a valid checksum, but out of sequence.
    ByteBuffer record = ByteBuffer.allocate(RECORD_SIZE);
    JournalRecordCodec.writeRecord(record, 42, payload(8));
    try (FileChannel channel = FileChannel.open(segmentFile(6), StandardOpenOption.WRITE)) {
      channel.write(record.flip(), recordOffset(8));
    }

    assertCutAt(8);
  }

  @Test
  void shouldCutAtAGapBetweenSegments() throws IOException {
    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      appendEntries(journal, 1, 23);
    }
    Files.delete(segmentFile(11));

    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      assertThat(journal.lastPosition()).isEqualTo(10);
      assertThat(segmentFirstPositions()).containsExactly(1L, 6L);
      assertThat(journal.append(payload(11), null)).isEqualTo(11);
    }
  }

  @Test
  void shouldDeleteOnlyFullyCoveredSegmentsWhenCompacting() throws IOException {
    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      appendEntries(journal, 1, 23);
      journal.flush();

      journal.compactUpTo(12);

      assertThat(segmentFirstPositions()).containsExactly(11L, 16L, 21L);
    }

    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      assertThat(journal.lastPosition()).isEqualTo(23);
      assertThat(replay(journal, 12)).containsExactlyElementsOf(entries(13, 23));
      assertThat(replay(journal, 10)).containsExactlyElementsOf(entries(11, 23));
      assertThatThrownBy(() -> replay(journal, 5))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("compacted");
    }
  }

  @Test
  void shouldKeepTheActiveSegmentWhenCompactingEverything() throws IOException {
    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      appendEntries(journal, 1, 23);
      journal.flush();

      journal.compactUpTo(23);

      assertThat(segmentFirstPositions()).containsExactly(21L);
    }

    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      assertThat(journal.lastPosition()).isEqualTo(23);
      assertThat(replay(journal, 23)).isEmpty();
      assertThat(journal.append(payload(24), null)).isEqualTo(24);
    }
  }

  @Test
  void shouldRejectReplayFromBeyondTheLastEntry() throws IOException {
    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      appendEntries(journal, 1, 3);
    }

    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      assertThatThrownBy(() -> replay(journal, 4))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("ends at position 3");
    }
  }

  @Test
  void shouldRejectReplayAfterAnAppend() throws IOException {
    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      journal.append(payload(1), null);

      assertThatThrownBy(() -> replay(journal, 0)).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void shouldRejectAppendsAfterClose() throws IOException {
    Journal journal = Journal.open(dir, SMALL_SEGMENTS);
    journal.close();
    journal.close();

    assertThatThrownBy(() -> journal.append(payload(1), null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Expected to append to the journal, but");
  }

  @Test
  void shouldRejectFlushFromAnOnDurableCallback() throws IOException {
    AtomicLong rejected = new AtomicLong();
    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      journal.append(
          payload(1),
          () -> {
            try {
              journal.flush();
            } catch (IllegalStateException e) {
              rejected.incrementAndGet();
            }
          });
      journal.flush();
    }

    assertThat(rejected).hasValue(1);
  }

  private void assertCutAt(long position) throws IOException {
    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      assertThat(journal.lastPosition()).isEqualTo(position - 1);
      assertThat(segmentFirstPositions()).containsExactly(1L, 6L);
      assertThat(replay(journal, 0)).containsExactlyElementsOf(entries(1, position - 1));
      assertThat(journal.append(payload(position), null)).isEqualTo(position);
    }
    try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
      assertThat(replay(journal, 0)).containsExactlyElementsOf(entries(1, position));
    }
  }

  private record Entry(long position, String payload) {}

  private static byte[] payload(long position) {
    return "%-32s".formatted("entry-" + position).getBytes(US_ASCII);
  }

  private static List<Entry> entries(long from, long to) {
    return LongStream.rangeClosed(from, to)
        .mapToObj(position -> new Entry(position, new String(payload(position), US_ASCII)))
        .toList();
  }

  private static void appendEntries(Journal journal, long from, long to) {
    for (long position = from; position <= to; position++) {
      assertThat(journal.append(payload(position), null)).isEqualTo(position);
    }
  }

  private static List<Entry> replay(Journal journal, long fromExclusive) throws IOException {
    List<Entry> entries = new ArrayList<>();
    journal.replay(
        fromExclusive,
        (position, payload) -> entries.add(new Entry(position, new String(payload, US_ASCII))));
    return entries;
  }

  private List<Long> segmentFirstPositions() throws IOException {
    return JournalSegment.list(dir).stream().map(JournalSegment::firstPosition).toList();
  }

  private Path segmentFile(long firstPosition) {
    return JournalSegment.in(dir, firstPosition).path();
  }

  /** Offset of a record within its segment, given {@link #RECORDS_PER_SEGMENT}. */
  private static long recordOffset(long position) {
    return SEGMENT_HEADER_SIZE + ((position - 1) % RECORDS_PER_SEGMENT) * RECORD_SIZE;
  }

  private static void flipByte(Path file, long offset) throws IOException {
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer single = ByteBuffer.allocate(1);
      channel.read(single, offset);
      single.put(0, (byte) ~single.get(0));
      channel.write(single.rewind(), offset);
    }
  }

  private static void writeInt(Path file, long offset, int value) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.allocate(4).putInt(value).flip(), offset);
    }
  }

  private static void copy(Path from, Path to) {
    try {
      for (JournalSegment segment : JournalSegment.list(from)) {
        Files.copy(segment.path(), to.resolve(segment.path().getFileName()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
