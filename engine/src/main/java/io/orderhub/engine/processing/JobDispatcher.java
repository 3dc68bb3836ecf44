package io.orderhub.engine.processing;

import io.orderhub.engine.api.ActivateJobsCommand;
import io.orderhub.engine.api.ActivatedJob;
import io.orderhub.engine.api.JobStreamConsumer;
import io.orderhub.engine.api.JobStreamRequest;
import io.orderhub.engine.state.Job;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/**
 * Hands activatable jobs to whoever waits for them: open job streams first (pushed once the
 * activation is durable), then long-polling activation requests. Neither is durable: after a
 * restart, workers reconnect.
 *
 * <p>Confined to the processing thread, except {@link #removeStream} which may come from any.
 */
final class JobDispatcher {

  private final JobActivator activator;
  private final Map<String, List<Stream>> streams = new ConcurrentHashMap<>();
  private final List<PendingActivation> pending = new ArrayList<>();
  private final LongConsumer yieldJob;
  private int roundRobin;

  JobDispatcher(JobActivator activator, LongConsumer yieldJob) {
    this.activator = activator;
    this.yieldJob = yieldJob;
  }

  record Stream(JobStreamRequest request, JobStreamConsumer consumer) {}

  record PendingActivation(
      ActivateJobsCommand command,
      CompletableFuture<List<ActivatedJob>> future,
      long expiresAtNanos) {}

  void addStream(Stream stream) {
    streams.computeIfAbsent(stream.request().type(), t -> new CopyOnWriteArrayList<>()).add(stream);
  }

  void removeStream(Stream stream) {
    List<Stream> ofType = streams.get(stream.request().type());
    if (ofType != null) {
      ofType.remove(stream);
    }
  }

  void addPending(PendingActivation activation) {
    pending.add(activation);
  }

  /** Gives every activatable job it can to a stream or a waiting request. */
  void dispatch(ProcessingContext ctx) {
    for (var entry : streams.entrySet()) {
      List<Stream> ofType = entry.getValue();
      if (ofType.isEmpty()) {
        continue;
      }
      for (Long key : new ArrayList<>(ctx.state().activatableJobs(entry.getKey()))) {
        Job job = ctx.state().job(key).orElseThrow();
        Stream stream = pickStream(ofType, job.tenantId());
        if (stream == null) {
          break;
        }
        JobStreamRequest request = stream.request();
        ActivatedJob activated =
            activator.activateOne(
                ctx, job, request.worker(), request.timeout().toMillis(), request.fetchVariables());
        ctx.afterCommit(
            () -> {
              boolean delivered;
              try {
                delivered = stream.consumer().push(activated);
              } catch (RuntimeException e) {
                delivered = false;
              }
              if (!delivered) {
                removeStreamLater(stream);
                yieldJob.accept(activated.key());
              }
            });
      }
    }
    Iterator<PendingActivation> iterator = pending.iterator();
    while (iterator.hasNext()) {
      PendingActivation activation = iterator.next();
      if (activation.future().isDone()) {
        iterator.remove();
        continue;
      }
      ActivateJobsCommand command = activation.command();
      if (ctx.state().activatableJobs(command.type()).isEmpty()) {
        continue;
      }
      List<ActivatedJob> jobs =
          activator.activate(
              ctx,
              command.type(),
              command.worker(),
              command.timeout().toMillis(),
              command.maxJobs(),
              command.fetchVariables(),
              command.tenantIds());
      if (!jobs.isEmpty()) {
        iterator.remove();
        ctx.afterCommit(() -> activation.future().complete(jobs));
      }
    }
  }

  private Stream pickStream(List<Stream> ofType, String tenantId) {
    for (int i = 0; i < ofType.size(); i++) {
      Stream candidate = ofType.get(Math.floorMod(roundRobin++, ofType.size()));
      List<String> tenants = candidate.request().tenantIds();
      if (tenants == null || tenants.isEmpty() || tenants.contains(tenantId)) {
        return candidate;
      }
    }
    return null;
  }

  private void removeStreamLater(Stream stream) {
    List<Stream> ofType = streams.get(stream.request().type());
    if (ofType != null) {
      ofType.remove(stream); // copy-on-write list: safe from the flusher thread
    }
  }

  /** Answers long polls whose time is up with no jobs; returns the earliest remaining expiry. */
  long expirePending(long nowNanos) {
    long next = Long.MAX_VALUE;
    Iterator<PendingActivation> iterator = pending.iterator();
    while (iterator.hasNext()) {
      PendingActivation activation = iterator.next();
      if (activation.future().isDone()) {
        iterator.remove();
      } else if (activation.expiresAtNanos() <= nowNanos) {
        iterator.remove();
        activation.future().complete(List.of());
      } else {
        next = Math.min(next, activation.expiresAtNanos());
      }
    }
    return next;
  }

  void failAllPending(RuntimeException reason) {
    pending.forEach(p -> p.future().completeExceptionally(reason));
    pending.clear();
  }
}
