package io.orderhub.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitFlusherTest {

  @TempDir Path dir;

  @Test
  void shouldFailFlushesAndLaterAppendsOnceAWriteFails() throws IOException {
    JournalSegment segment = JournalSegment.in(dir, 1);
    FileChannel channel = segment.create(false);
    SegmentWriter writer =
        new SegmentWriter(segment, channel, new JournalConfig(1024, false), added -> {});
    channel.close(); // every write now fails, as on a broken disk
    AtomicBoolean acknowledged = new AtomicBoolean();
    GroupCommitFlusher flusher = GroupCommitFlusher.start(writer, 0);
    try {
      flusher.append(new byte[] {1}, () -> acknowledged.set(true));

      assertThatThrownBy(flusher::awaitDurable)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("Expected to flush the journal, but");
      assertThatThrownBy(() -> flusher.append(new byte[] {2}, null))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("Expected to append to the journal, but");
      assertThat(acknowledged).isFalse();
    } finally {
      flusher.close();
    }
  }
}
