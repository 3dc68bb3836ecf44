package io.orderhub.engine.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a journal directory to a trustworthy state on open: verifies every record of every segment
 * and cuts the journal at the first invalid one. Everything after the cut is removed, not skipped,
 * because entries after a gap or a damaged record can no longer be replayed in order; the cut is
 * logged at WARN with its position and reason.
 */
final class JournalRecovery {

  private static final Logger LOG = LoggerFactory.getLogger(JournalRecovery.class);

  /**
   * @param segments the remaining segments in order, never empty; the last one is the active one
   * @param lastPosition position of the last valid entry, 0 for a new journal
   */
  record Result(List<JournalSegment> segments, long lastPosition) {}

  private JournalRecovery() {}

  static Result recover(Path dir, boolean fsync) throws IOException {
    List<JournalSegment> found = JournalSegment.list(dir);
    if (found.isEmpty()) {
      JournalSegment first = JournalSegment.in(dir, 1);
      first.create(fsync).close();
      return new Result(List.of(first), 0);
    }
    List<JournalSegment> kept = new ArrayList<>();
    long nextPosition = found.getFirst().firstPosition();
    for (int i = 0; i < found.size(); i++) {
      JournalSegment segment = found.get(i);
      if (segment.firstPosition() != nextPosition) {
        LOG.warn(
            "Journal in {} is cut at position {}: the next segment {} starts at position {}"
                + " (a gap); deleting it and all later segments",
            dir,
            nextPosition,
            segment.path().getFileName(),
            segment.firstPosition());
        deleteAll(found.subList(i, found.size()), dir, fsync);
        break;
      }
      kept.add(segment);
      try (SegmentReader reader = SegmentReader.open(segment)) {
        while (reader.next()) {
          // verification is the point; the payloads are read again on replay
        }
        nextPosition = reader.nextPosition();
        if (reader.problem() != null) {
          LOG.warn(
              "Journal in {} is cut at position {} (segment {}, offset {}): {};"
                  + " truncating the segment there and deleting {} later segment(s)",
              dir,
              nextPosition,
              segment.path().getFileName(),
              reader.validEnd(),
              reader.problem(),
              found.size() - i - 1);
          deleteAll(found.subList(i + 1, found.size()), dir, fsync);
          segment.truncate(reader.validEnd(), fsync);
          break;
        }
      }
    }
    return new Result(List.copyOf(kept), nextPosition - 1);
  }

  private static void deleteAll(List<JournalSegment> segments, Path dir, boolean fsync)
      throws IOException {
    if (segments.isEmpty()) {
      return;
    }
    // Newest first, so that a crash midway leaves a shorter but still gap-free journal.
    for (JournalSegment segment : segments.reversed()) {
      Files.deleteIfExists(segment.path());
    }
    if (fsync) {
      Fsync.directory(dir);
    }
  }
}
