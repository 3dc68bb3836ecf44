package io.orderhub.engine.journal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assigns positions to appended entries and makes them durable on one dedicated thread. Whatever
 * was appended while the previous fsync ran is written and forced together (group commit), so the
 * cost of an fsync is shared by all entries that arrive during it, without any timer or batching
 * delay.
 *
 * <p>Thread-safety: {@link #append}, {@link #awaitDurable}, {@link #close} and the getters may be
 * called from any thread. The onDurable callbacks run on the flusher thread, in position order,
 * after their entry and every entry before it has been forced to disk.
 *
 * <p>A failure to write or fsync is fatal: whether the failed data reached the disk is unknown, so
 * nothing can be acknowledged any more. The flusher stops, pending entries never become durable,
 * and appends and flushes throw {@link IllegalStateException}; recovery on the next open sorts out
 * what made it to disk.
 */
final class GroupCommitFlusher implements AutoCloseable {

  static final String THREAD_NAME = "journal-flusher";
  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitFlusher.class);

  private final SegmentWriter writer;
  private final Thread thread;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition workArrived = lock.newCondition();
  private final Condition durableAdvanced = lock.newCondition();

  // Guarded by lock. Two lists swapped per batch, so appends never wait for a write to finish
  // and steady-state appends allocate nothing but the entry.
  private ArrayList<PendingEntry> pending = new ArrayList<>();
  private ArrayList<PendingEntry> spare = new ArrayList<>();
  private boolean closing;
  private Throwable failure;
  private long durablePosition;

  // Written under lock, volatile so that lastPosition() needs no lock.
  private volatile long lastAppendedPosition;
  private final long initialPosition;
  private volatile JournalObserver observer = JournalObserver.NONE;

  private GroupCommitFlusher(SegmentWriter writer, long lastPosition) {
    this.writer = writer;
    this.lastAppendedPosition = lastPosition;
    this.durablePosition = lastPosition;
    this.initialPosition = lastPosition;
    // A platform, non-daemon thread: acknowledged entries must not be abandoned by a JVM exit
    // racing the last fsync; close() is what ends it.
    this.thread = Thread.ofPlatform().name(THREAD_NAME).daemon(false).unstarted(this::run);
  }

  /** Starts the flusher; positions continue after {@code lastPosition}. */
  static GroupCommitFlusher start(SegmentWriter writer, long lastPosition) {
    GroupCommitFlusher flusher = new GroupCommitFlusher(writer, lastPosition);
    flusher.thread.start();
    return flusher;
  }

  long append(byte[] payload, Runnable onDurable) {
    if (payload.length > JournalRecordCodec.MAX_PAYLOAD_SIZE) {
      throw new IllegalArgumentException(
          "Expected a journal entry of at most "
              + JournalRecordCodec.MAX_PAYLOAD_SIZE
              + " bytes, but it has "
              + payload.length);
    }
    lock.lock();
    try {
      if (failure != null) {
        throw new IllegalStateException(
            "Expected to append to the journal, but it failed to write or fsync earlier: "
                + failure,
            failure);
      }
      if (closing) {
        throw new IllegalStateException("Expected to append to the journal, but it is closed");
      }
      long position = lastAppendedPosition + 1;
      pending.add(new PendingEntry(position, payload, onDurable));
      lastAppendedPosition = position;
      if (pending.size() == 1) {
        // Only the first entry of a batch can find the flusher idle; later ones would signal an
        // empty wait queue.
        workArrived.signal();
      }
      return position;
    } finally {
      lock.unlock();
    }
  }

  /** Blocks until every entry appended before the call is durable and its callback has run. */
  void awaitDurable() {
    if (Thread.currentThread() == thread) {
      throw new IllegalStateException(
          "Expected to flush the journal from outside its flusher thread, but it was called from"
              + " an onDurable callback, which would wait for itself forever");
    }
    lock.lock();
    try {
      long target = lastAppendedPosition;
      while (durablePosition < target && failure == null) {
        durableAdvanced.awaitUninterruptibly();
      }
      if (durablePosition < target) {
        throw new IllegalStateException(
            "Expected to flush the journal, but it failed to write or fsync: " + failure, failure);
      }
    } finally {
      lock.unlock();
    }
  }

  void observe(JournalObserver next) {
    observer = next;
  }

  private void observe(int entries) {
    try {
      observer.groupCommitted(
          entries, writer.lastBytes(), writer.lastWriteNanos(), writer.lastFsyncNanos());
    } catch (RuntimeException e) {
      LOG.warn("Journal observer failed", e);
    }
  }

  /** Why the journal stopped accepting entries, or null while it works. */
  Throwable failure() {
    lock.lock();
    try {
      return failure;
    } finally {
      lock.unlock();
    }
  }

  long lastAppendedPosition() {
    return lastAppendedPosition;
  }

  boolean hasAppended() {
    return lastAppendedPosition != initialPosition;
  }

  long fsyncCount() {
    return writer.fsyncCount();
  }

  private void run() {
    try {
      List<PendingEntry> batch;
      while ((batch = takeBatch()) != null) {
        writer.write(batch);
        int entries = batch.size();
        runCallbacks(batch);
        markDurable(batch);
        observe(entries);
      }
    } catch (Throwable e) {
      fail(e);
    }
  }

  /** Waits for entries; null once closing and everything has been written. */
  private List<PendingEntry> takeBatch() {
    lock.lock();
    try {
      while (pending.isEmpty() && !closing) {
        workArrived.awaitUninterruptibly();
      }
      if (pending.isEmpty()) {
        return null;
      }
      ArrayList<PendingEntry> batch = pending;
      pending = spare;
      spare = batch;
      return batch;
    } finally {
      lock.unlock();
    }
  }

  private void runCallbacks(List<PendingEntry> batch) {
    for (PendingEntry entry : batch) {
      if (entry.onDurable() == null) {
        continue;
      }
      try {
        entry.onDurable().run();
      } catch (RuntimeException e) {
        // The entry is durable regardless; one faulty callback must not stop acknowledging others.
        LOG.error("onDurable callback of journal entry {} failed", entry.position(), e);
      }
    }
  }

  private void markDurable(List<PendingEntry> batch) {
    lock.lock();
    try {
      durablePosition = batch.getLast().position();
      // Drop the payloads now instead of holding them until the list is reused.
      batch.clear();
      durableAdvanced.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void fail(Throwable e) {
    long lastDurable;
    lock.lock();
    try {
      failure = e;
      pending.clear();
      lastDurable = durablePosition;
      durableAdvanced.signalAll();
    } finally {
      lock.unlock();
    }
    LOG.error(
        "Journal failed to write or fsync after position {}; it accepts no further entries and"
            + " acknowledges none after that position",
        lastDurable,
        e);
  }

  /** Writes what is pending, stops the thread and closes the active segment. Idempotent. */
  @Override
  public void close() {
    if (Thread.currentThread() == thread) {
      throw new IllegalStateException(
          "Expected to close the journal from outside its flusher thread, but it was called from"
              + " an onDurable callback, which would wait for itself forever");
    }
    lock.lock();
    try {
      closing = true;
      workArrived.signal();
    } finally {
      lock.unlock();
    }
    // Every caller waits, so that no close() returns while the last batch is still being written.
    joinUninterruptibly();
    try {
      writer.close();
    } catch (IOException e) {
      LOG.warn("Failed to close the journal's active segment", e);
    }
  }

  private void joinUninterruptibly() {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
