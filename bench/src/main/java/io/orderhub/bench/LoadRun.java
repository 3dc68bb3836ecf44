package io.orderhub.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One load run against the order API: a warm-up, then a measured window. Closed loop: {@code
 * clients} callers, each sending its next create when the previous one answered. Open loop: creates
 * sent at a fixed rate whatever the answers, and each one's latency taken from the moment it was
 * <em>due</em>, so a stalled server is charged for the requests it held back (no coordinated
 * omission); at most {@code maxOutstanding} are in flight, beyond that the pacer waits — and the
 * waiting shows in the latencies, since they still count from the due time.
 */
final class LoadRun {

  /** What a run produced; the DISPATCHED figures are filled in from the history afterwards. */
  record Result(
      String transport,
      String mode,
      double seconds,
      long created,
      long errors,
      String firstError,
      EngineBench.Samples createLatency,
      Instant windowStart,
      Instant windowEnd,
      Map<String, Instant> measuredOrders,
      List<String> allOrders,
      String loadBefore,
      String loadAfter) {

    double createsPerSecond() {
      return created / seconds;
    }
  }

  private final OrderApi api;
  private final Duration warmup;
  private final Duration duration;
  private final AtomicLong created = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private volatile String firstError;
  private final EngineBench.Samples latency = new EngineBench.Samples();
  private final Map<String, Instant> measuredOrders = new ConcurrentHashMap<>();
  private final List<String> allOrders = java.util.Collections.synchronizedList(new ArrayList<>());
  private volatile long measureFrom;
  private volatile long measureTo;

  LoadRun(OrderApi api, Duration warmup, Duration duration) {
    this.api = api;
    this.warmup = warmup;
    this.duration = duration;
  }

  Result closedLoop(int clients) throws InterruptedException {
    String loadBefore = loadAverage();
    long start = System.nanoTime();
    measureFrom = start + warmup.toNanos();
    measureTo = measureFrom + duration.toNanos();
    List<Thread> callers = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      callers.add(
          Thread.ofPlatform()
              .name("bench-client-" + c)
              .start(
                  () -> {
                    while (System.nanoTime() < measureTo) {
                      long due = System.nanoTime();
                      Instant dueWall = Instant.now();
                      try {
                        String id = send().join();
                        record(id, due, dueWall, System.nanoTime());
                      } catch (RuntimeException e) {
                        failed(e, System.nanoTime());
                      }
                    }
                  }));
    }
    for (Thread caller : callers) {
      caller.join();
    }
    return result("closed loop, " + clients + " clients", loadBefore);
  }

  Result openLoop(int ratePerSecond, int maxOutstanding) throws InterruptedException {
    String loadBefore = loadAverage();
    Semaphore outstanding = new Semaphore(maxOutstanding);
    long start = System.nanoTime();
    measureFrom = start + warmup.toNanos();
    measureTo = measureFrom + duration.toNanos();
    long periodNanos = 1_000_000_000L / ratePerSecond;
    Instant startWall = Instant.now();
    for (long i = 0; ; i++) {
      long due = start + i * periodNanos;
      if (due >= measureTo) {
        break;
      }
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      outstanding.acquire();
      Instant dueWall = startWall.plusNanos(due - start);
      send()
          .whenComplete(
              (id, failure) -> {
                long answered = System.nanoTime();
                outstanding.release();
                if (failure == null) {
                  record(id, due, dueWall, answered);
                } else {
                  failed(failure, answered);
                }
              });
    }
    if (!outstanding.tryAcquire(maxOutstanding, 120, TimeUnit.SECONDS)) {
      failed(new IllegalStateException("creates still unanswered 120 s after the run"), measureTo);
    }
    return result("open loop, " + ratePerSecond + "/s", loadBefore);
  }

  private java.util.concurrent.CompletableFuture<String> send() {
    String key = UUID.randomUUID().toString();
    return api.create("bench-" + key.substring(0, 4), key);
  }

  private void record(String id, long due, Instant dueWall, long answered) {
    allOrders.add(id);
    if (due >= measureFrom && due < measureTo) {
      latency.add(answered - due);
      measuredOrders.put(id, dueWall);
    }
    if (answered >= measureFrom && answered < measureTo) {
      created.incrementAndGet();
    }
  }

  private void failed(Throwable failure, long at) {
    if (at >= measureFrom) {
      errors.incrementAndGet();
      if (firstError == null) {
        firstError = failure.toString();
      }
    }
  }

  private Result result(String mode, String loadBefore) {
    Instant windowEnd = Instant.now().minusNanos(Math.max(0, System.nanoTime() - measureTo));
    Instant windowStart = windowEnd.minus(duration);
    return new Result(
        api.name(),
        mode,
        duration.toNanos() / 1e9,
        created.get(),
        errors.get(),
        firstError,
        latency,
        windowStart,
        windowEnd,
        Map.copyOf(measuredOrders),
        List.copyOf(allOrders),
        loadBefore,
        loadAverage());
  }

  static String loadAverage() {
    try {
      String[] parts =
          java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (java.io.IOException | RuntimeException e) {
      return "?";
    }
  }
}
