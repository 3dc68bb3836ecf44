package io.orderhub.engine.journal;

import java.util.ArrayList;
import java.util.List;

/**
 * The journal's segments in position order; the last one is the active one being written.
 * Thread-safe: the flusher adds segments as it rolls while compaction removes old ones.
 */
final class JournalSegments {

  private final List<JournalSegment> segments;

  JournalSegments(List<JournalSegment> initial) {
    segments = new ArrayList<>(initial);
  }

  synchronized void add(JournalSegment segment) {
    segments.add(segment);
  }

  synchronized List<JournalSegment> snapshot() {
    return List.copyOf(segments);
  }

  /**
   * Removes (from this list only) the segments whose entries are all at or below position. The
   * active segment always stays, since new entries go there and it carries the next position.
   */
  synchronized List<JournalSegment> removeCoveredUpTo(long position) {
    List<JournalSegment> removed = new ArrayList<>();
    while (segments.size() > 1 && segments.get(1).firstPosition() - 1 <= position) {
      removed.add(segments.removeFirst());
    }
    return removed;
  }
}
