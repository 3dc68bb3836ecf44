package io.orderhub.engine.processing;

import io.orderhub.engine.api.ActivateJobsCommand;
import io.orderhub.engine.api.ActivatedJob;
import io.orderhub.engine.api.ConditionalEvaluated;
import io.orderhub.engine.api.CreateProcessInstanceCommand;
import io.orderhub.engine.api.DecisionEvaluationResult;
import io.orderhub.engine.api.DeployCommand;
import io.orderhub.engine.api.DeploymentResult;
import io.orderhub.engine.api.EngineApi;
import io.orderhub.engine.api.EngineRejection;
import io.orderhub.engine.api.EngineRejection.RejectionType;
import io.orderhub.engine.api.EvaluateConditionalCommand;
import io.orderhub.engine.api.EvaluateDecisionCommand;
import io.orderhub.engine.api.JobStream;
import io.orderhub.engine.api.JobStreamConsumer;
import io.orderhub.engine.api.JobStreamRequest;
import io.orderhub.engine.api.MessagePublished;
import io.orderhub.engine.api.ProcessInstanceCreated;
import io.orderhub.engine.api.PublishMessageCommand;
import io.orderhub.engine.api.Topology;
import io.orderhub.engine.clock.EngineClock;
import io.orderhub.engine.decision.DecisionEvaluator;
import io.orderhub.engine.feel.FeelEvaluator;
import io.orderhub.engine.model.ProcessModelReader;
import io.orderhub.engine.record.EngineEvent;
import io.orderhub.engine.record.EventBatch;
import io.orderhub.engine.record.EventBatchCodec;
import io.orderhub.engine.state.EngineState;
import io.orderhub.engine.state.EventApplier;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer: one thread takes commands from a bounded inbox, turns each into a batch of
 * events (applied to the state as written), appends the batch to the journal and replies once the
 * batch is durable. Time-driven work (timers, job deadlines, back-offs, message TTLs) and
 * long-polling expiry run on the same thread between commands.
 *
 * <p>Thread-safety: every public method may be called from any thread.
 */
public final class EngineProcessor implements EngineApi, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EngineProcessor.class);
  private static final Duration DEFAULT_LONG_POLL = Duration.ofSeconds(10);

  // replaced, never mutated from outside, when a failed batch is rolled back to the journal
  private EngineState state;
  private EventApplier applier;
  private KeyGenerator keys;
  private final EngineLimits limits;
  private final StateRebuilder rebuilder;
  private final FatalHandler onFatal;
  private volatile Throwable fatal;
  private final ElementTransitions transitions;
  // element steps a batch left over for a later one (processing thread only)
  private final java.util.ArrayDeque<ProcessingContext.ElementStep> deferredSteps =
      new java.util.ArrayDeque<>();
  private final EventLog log;
  private final EventBatchCodec codec = new EventBatchCodec();
  private final EngineClock clock;
  private final Topology topology;
  private final BlockingQueue<Task> inbox;
  private final DurabilityTracker durability = new DurabilityTracker();
  private final List<BatchListener> listeners;
  private final Thread thread;
  private volatile boolean running = true;
  private final SnapshotPolicy snapshots;
  private long batchesSinceSnapshot;
  private volatile ProcessingObserver observer = ProcessingObserver.NONE;
  // System.nanoTime() when the current step began, 0 while waiting for work: the liveness probe
  private volatile long busySince;

  /** A unit of work for the processing thread; {@code abort} answers it if it never runs. */
  private record Task(Runnable work, java.util.function.Consumer<Throwable> abort) {}

  /**
   * When and where to write snapshots: every {@code everyBatches} batches the state is encoded on
   * the processing thread and handed to {@code sink} once its position is durable.
   */
  public record SnapshotPolicy(long everyBatches, SnapshotSink sink) {
    public static SnapshotPolicy none() {
      return new SnapshotPolicy(Long.MAX_VALUE, (position, bytes) -> {});
    }
  }

  /** Stores a snapshot; called off the processing thread, after the position is durable. */
  @FunctionalInterface
  public interface SnapshotSink {
    void write(long position, byte[] state);
  }

  private final DeploymentProcessor deployments;
  // reads and validates deployments off the processing thread: one thread, a bounded queue
  private final java.util.concurrent.ThreadPoolExecutor deploymentReader =
      new java.util.concurrent.ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.MILLISECONDS,
          new ArrayBlockingQueue<>(64),
          r -> Thread.ofPlatform().daemon().name("engine-deployment-reader").unstarted(r));
  private final ProcessInstanceProcessor instances;
  private final JobProcessor jobs;
  private final JobActivator activator = new JobActivator();
  private final JobDispatcher dispatcher;
  private final MessageProcessor messages;
  private final SignalProcessor signals;
  private final IncidentProcessor incidentProcessor;
  private final VariableProcessor variableProcessor;
  private final DueWorkProcessor dueWork;
  private final DecisionEvaluationProcessor decisionEvaluations;
  private final ResultWaiters waiters = new ResultWaiters();
  private final ModificationProcessor modifications;
  private final ConditionalBehavior conditionals;
  private final MigrationProcessor migrations;
  private final ConditionalStartProcessor conditionalStarts;

  /**
   * Rebuilds the state from what the journal holds (latest snapshot + every appended entry): how a
   * batch that failed half-way is undone, since its events were applied as they were written.
   */
  @FunctionalInterface
  public interface StateRebuilder {
    EngineState rebuild() throws Exception;

    /** Without a journal to rebuild from, a failed batch cannot be undone: the engine stops. */
    static StateRebuilder none() {
      return () -> {
        throw new IllegalStateException("no journal to rebuild the state from");
      };
    }
  }

  /** Told once when the processing thread cannot go on; the engine must stop visibly then. */
  @FunctionalInterface
  public interface FatalHandler {
    void failed(Throwable cause);
  }

  /** Told about every batch once it is durable: exporters, metrics, test record logs. */
  @FunctionalInterface
  public interface BatchListener {
    void committed(long position, EventBatch batch);
  }

  public EngineProcessor(
      EngineState state,
      EventLog log,
      EngineClock clock,
      FeelEvaluator feel,
      ProcessModelReader reader,
      Topology topology,
      int inboxCapacity,
      List<BatchListener> listeners,
      SnapshotPolicy snapshots) {
    this(
        state,
        log,
        clock,
        feel,
        reader,
        topology,
        inboxCapacity,
        listeners,
        snapshots,
        EngineLimits.DEFAULTS,
        StateRebuilder.none(),
        cause -> {});
  }

  public EngineProcessor(
      EngineState state,
      EventLog log,
      EngineClock clock,
      FeelEvaluator feel,
      ProcessModelReader reader,
      Topology topology,
      int inboxCapacity,
      List<BatchListener> listeners,
      SnapshotPolicy snapshots,
      EngineLimits limits,
      StateRebuilder rebuilder,
      FatalHandler onFatal) {
    this.limits = limits;
    this.rebuilder = rebuilder;
    this.onFatal = onFatal;
    this.snapshots = snapshots;
    this.state = state;
    this.applier = new EventApplier(state);
    this.keys = new KeyGenerator(state);
    this.log = log;
    this.clock = clock;
    this.topology = topology;
    this.inbox = new ArrayBlockingQueue<>(inboxCapacity);
    this.listeners = List.copyOf(listeners);
    durability.appended(state.position());
    durability.durable(state.position());

    VariableBehavior variables = new VariableBehavior(feel);
    IncidentBehavior incidents = new IncidentBehavior();
    ElementTransitions transitions = new ElementTransitions(variables, incidents);
    this.transitions = transitions;
    MessageCorrelator correlator = new MessageCorrelator();
    CatchEventBehavior catchEvents = new CatchEventBehavior(variables, correlator);
    CatchTrigger trigger = new CatchTrigger(transitions, catchEvents, variables);
    ProcessInstanceStarter starter = new ProcessInstanceStarter(transitions, variables);
    correlator.wire(trigger, starter);
    ThrownEventBehavior thrown = new ThrownEventBehavior(transitions, trigger, incidents);
    CompensationBehavior compensation = new CompensationBehavior(transitions);
    SignalProcessor signalProcessor = new SignalProcessor(trigger, starter);
    MultiInstanceBehavior multiInstance =
        ElementBehaviors.registerAll(
            new ElementBehaviors.Shared(
                transitions,
                variables,
                incidents,
                new JobBehavior(variables, incidents),
                catchEvents,
                trigger,
                thrown,
                signalProcessor,
                starter,
                waiters,
                compensation,
                correlator));
    this.conditionals = new ConditionalBehavior(transitions, variables, trigger);
    transitions.wire(catchEvents, multiInstance, compensation, conditionals);
    this.modifications = new ModificationProcessor(transitions, variables, waiters);
    this.migrations = new MigrationProcessor(transitions, catchEvents);
    DecisionEvaluator dmn = new DecisionEvaluator(clock::millis);
    DecisionBehavior decisions = new DecisionBehavior(dmn);
    // wraps the job-based business rule task registered above: with a called decision it
    // evaluates the decision instead of creating a job
    BusinessRuleTaskBehavior.register(transitions, variables, incidents, trigger, decisions);
    this.deployments = new DeploymentProcessor(reader, feel, new DecisionDeployer(dmn), limits);
    this.decisionEvaluations = new DecisionEvaluationProcessor(decisions);
    this.instances = new ProcessInstanceProcessor(starter, transitions, waiters);
    this.jobs = new JobProcessor(transitions, trigger, variables, incidents, thrown);
    this.dispatcher = new JobDispatcher(activator, this::yieldJob);
    this.messages = new MessageProcessor(correlator);
    this.signals = signalProcessor;
    this.incidentProcessor = new IncidentProcessor(transitions);
    this.variableProcessor = new VariableProcessor(variables);
    this.dueWork = new DueWorkProcessor(trigger, starter);
    this.conditionalStarts = new ConditionalStartProcessor(starter, variables);

    clock.onAdvance(this::wakeUp);
    this.thread = new Thread(this::run, "engine-processor");
  }

  public EngineProcessor start() {
    thread.start();
    submit(
        ctx -> {
          resumeInterruptedSteps(ctx);
          return null;
        });
    return this;
  }

  /**
   * After a restart: element steps a batch had left for a later one were never written as such;
   * their element instances still wait in ACTIVATING or COMPLETING (without an incident), so they
   * are picked up again here.
   */
  private void resumeInterruptedSteps(ProcessingContext ctx) {
    for (io.orderhub.engine.state.ElementInstance instance : state.elementInstances()) {
      if (!state.incidentsOfElement(instance.key()).isEmpty()) {
        continue;
      }
      switch (instance.lifecycle()) {
        case ACTIVATING -> ctx.followUp(transitions.activatingStep(ctx, instance.key()));
        case COMPLETING -> ctx.followUp(transitions.completingStep(ctx, instance.key()));
        default -> {}
      }
    }
  }

  /** Whether the processing thread stopped for good (see {@link FatalHandler}). */
  public boolean failed() {
    return fatal != null;
  }

  // ---- EngineApi

  @Override
  public Topology topology() {
    return topology;
  }

  @Override
  public CompletableFuture<DeploymentResult> deploy(DeployCommand command) {
    CompletableFuture<DeploymentResult> result = new CompletableFuture<>();
    Runnable validate =
        () -> {
          DeploymentProcessor.Prepared prepared;
          try {
            prepared = deployments.prepare(command);
          } catch (EngineRejection rejection) {
            result.completeExceptionally(rejection);
            return;
          } catch (StackOverflowError | OutOfMemoryError | RuntimeException e) {
            LOG.warn("Expected to read a deployment, but it failed", e);
            result.completeExceptionally(
                new EngineRejection(
                    RejectionType.INVALID_ARGUMENT,
                    "Expected to read the deployment's resources, but " + e));
            return;
          }
          submit(ctx -> deployments.deploy(ctx, prepared))
              .whenComplete(
                  (deployed, failure) -> {
                    if (failure != null) {
                      result.completeExceptionally(failure);
                    } else {
                      result.complete(deployed);
                    }
                  });
        };
    try {
      deploymentReader.execute(validate);
    } catch (java.util.concurrent.RejectedExecutionException full) {
      return CompletableFuture.failedFuture(backpressure());
    }
    return result;
  }

  @Override
  public CompletableFuture<ProcessInstanceCreated> createProcessInstance(
      CreateProcessInstanceCommand command) {
    if (!command.awaitCompletion()) {
      return submit(ctx -> instances.create(ctx, command));
    }
    CompletableFuture<ProcessInstanceCreated> result = new CompletableFuture<>();
    CompletableFuture<ProcessInstanceCreated> created =
        submit(
            ctx -> {
              ProcessInstanceCreated instance = instances.create(ctx, command);
              waiters.await(new ResultWaiters.Waiter(instance, command.fetchVariables(), result));
              return instance;
            });
    created.whenComplete(
        (instance, failure) -> {
          if (failure != null) {
            result.completeExceptionally(failure);
          }
        });
    if (command.requestTimeout() != null && !command.requestTimeout().isZero()) {
      result
          .orTimeout(command.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
          .exceptionally(
              failure -> {
                created.thenAccept(
                    instance -> execute(() -> waiters.drop(instance.processInstanceKey())));
                return null;
              });
    }
    return result;
  }

  @Override
  public CompletableFuture<Void> cancelProcessInstance(long processInstanceKey) {
    return submitVoid(ctx -> instances.cancel(ctx, processInstanceKey));
  }

  @Override
  public CompletableFuture<List<ActivatedJob>> activateJobs(ActivateJobsCommand command) {
    if (command.type() == null || command.type().isBlank()) {
      return CompletableFuture.failedFuture(
          new EngineRejection(
              RejectionType.INVALID_ARGUMENT, "Expected a job type, but none given"));
    }
    if (command.maxJobs() < 1) {
      return CompletableFuture.failedFuture(
          new EngineRejection(
              RejectionType.INVALID_ARGUMENT,
              "Expected to activate at least one job, but maxJobsToActivate was "
                  + command.maxJobs()));
    }
    CompletableFuture<List<ActivatedJob>> result = new CompletableFuture<>();
    CompletableFuture<List<ActivatedJob>> immediate =
        submit(
            ctx -> {
              List<ActivatedJob> activated =
                  activator.activate(
                      ctx,
                      command.type(),
                      command.worker(),
                      command.timeout().toMillis(),
                      command.maxJobs(),
                      command.fetchVariables(),
                      command.tenantIds());
              Duration wait =
                  command.requestTimeout() == null ? DEFAULT_LONG_POLL : command.requestTimeout();
              if (activated.isEmpty() && !wait.isNegative() && !wait.isZero()) {
                dispatcher.addPending(
                    new JobDispatcher.PendingActivation(
                        command, result, System.nanoTime() + wait.toNanos()));
                return null;
              }
              return activated;
            });
    immediate.whenComplete(
        (jobs, failure) -> {
          if (failure != null) {
            result.completeExceptionally(failure);
          } else if (jobs != null) {
            result.complete(jobs);
          }
        });
    return result;
  }

  @Override
  public JobStream openJobStream(JobStreamRequest request, JobStreamConsumer consumer) {
    JobDispatcher.Stream stream = new JobDispatcher.Stream(request, consumer);
    execute(() -> dispatcher.addStream(stream));
    submit(
        ctx -> {
          dispatcher.dispatch(ctx);
          return null;
        });
    return () -> execute(() -> dispatcher.removeStream(stream));
  }

  @Override
  public CompletableFuture<Void> completeJob(long jobKey, Map<String, Object> variables) {
    return submitVoid(ctx -> jobs.complete(ctx, jobKey, variables));
  }

  @Override
  public CompletableFuture<Void> failJob(
      long jobKey,
      int retries,
      String errorMessage,
      Duration retryBackoff,
      Map<String, Object> variables) {
    long backoff = retryBackoff == null ? 0 : retryBackoff.toMillis();
    return submitVoid(ctx -> jobs.fail(ctx, jobKey, retries, errorMessage, backoff, variables));
  }

  @Override
  public CompletableFuture<Void> throwError(
      long jobKey, String errorCode, String errorMessage, Map<String, Object> variables) {
    return submitVoid(ctx -> jobs.throwError(ctx, jobKey, errorCode, errorMessage, variables));
  }

  @Override
  public CompletableFuture<Void> updateJobRetries(long jobKey, int retries) {
    return submitVoid(ctx -> jobs.updateRetries(ctx, jobKey, retries));
  }

  @Override
  public CompletableFuture<Void> updateJobTimeout(long jobKey, Duration timeout) {
    return submitVoid(ctx -> jobs.updateTimeout(ctx, jobKey, timeout.toMillis()));
  }

  @Override
  public CompletableFuture<MessagePublished> publishMessage(PublishMessageCommand command) {
    return submit(ctx -> messages.publish(ctx, command));
  }

  @Override
  public CompletableFuture<Void> resolveIncident(long incidentKey) {
    return submitVoid(ctx -> incidentProcessor.resolve(ctx, incidentKey));
  }

  @Override
  public CompletableFuture<Long> setVariables(
      long elementInstanceKey, Map<String, Object> variables, boolean local) {
    return submit(ctx -> variableProcessor.set(ctx, elementInstanceKey, variables, local));
  }

  @Override
  public CompletableFuture<Long> broadcastSignal(
      String signalName, Map<String, Object> variables, String tenantId) {
    return submit(ctx -> signals.broadcast(ctx, signalName, variables, tenantId));
  }

  @Override
  public CompletableFuture<ConditionalEvaluated> evaluateConditional(
      EvaluateConditionalCommand command) {
    return submit(ctx -> conditionalStarts.evaluate(ctx, command));
  }

  @Override
  public CompletableFuture<DecisionEvaluationResult> evaluateDecision(
      EvaluateDecisionCommand command) {
    return submit(ctx -> decisionEvaluations.evaluate(ctx, command));
  }

  @Override
  public CompletableFuture<Void> modifyProcessInstance(
      io.orderhub.engine.api.ModifyProcessInstanceCommand command) {
    return submitVoid(ctx -> modifications.modify(ctx, command));
  }

  @Override
  public CompletableFuture<Void> migrateProcessInstance(
      io.orderhub.engine.api.MigrateProcessInstanceCommand command) {
    return submitVoid(ctx -> migrations.migrate(ctx, command));
  }

  // ---- reads for tests and tools (on the processing thread, answered at once)

  /** Runs a read of the state on the processing thread. */
  public <T> CompletableFuture<T> read(Function<EngineState, T> query) {
    CompletableFuture<T> future = new CompletableFuture<>();
    Runnable work =
        () -> {
          try {
            future.complete(query.apply(state));
          } catch (RuntimeException e) {
            future.completeExceptionally(e);
          }
        };
    if (!enqueue(new Task(work, future::completeExceptionally))) {
      future.completeExceptionally(backpressure());
    }
    return future;
  }

  // ---- observation (metrics, health probes)

  /** Reports processed batches and backpressure to {@code next} from now on. */
  public void observe(ProcessingObserver next) {
    observer = next;
  }

  /** Sees every event as it is applied, with the state before it (live processing only). */
  public void observeEvents(io.orderhub.engine.state.AppliedEventObserver next) {
    applier.observe(next);
  }

  public ProcessingLiveness liveness() {
    long since = busySince;
    return new ProcessingLiveness(
        thread.isAlive(), running, since == 0 ? 0 : Math.max(1, System.nanoTime() - since));
  }

  // ---- the loop

  private void run() {
    while (running) {
      Task task = null;
      try {
        busySince = 0;
        task =
            deferredSteps.isEmpty()
                ? inbox.poll(waitMillis(), TimeUnit.MILLISECONDS)
                : inbox.poll();
        busySince = System.nanoTime() | 1;
        if (task != null) {
          task.work().run();
        }
        if (!deferredSteps.isEmpty()) {
          continueDeferredSteps();
        }
        if (state.nextDueTime() <= clock.millis()) {
          runBatch(
              ctx -> {
                dueWork.process(ctx);
                return null;
              },
              null);
        }
        dispatcher.expirePending(System.nanoTime());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (StackOverflowError | RuntimeException e) {
        LOG.error("Expected the processing loop to go on, but a step failed", e);
      } catch (Throwable e) {
        stopFatally(e, task);
        return;
      }
    }
  }

  /** One batch for the steps earlier batches left over; commands that came meanwhile went first. */
  private void continueDeferredSteps() {
    List<ProcessingContext.ElementStep> steps = List.copyOf(deferredSteps);
    deferredSteps.clear();
    runBatch(
        ctx -> {
          steps.forEach(step -> ctx.followUp(transitions.resume(ctx, step)));
          return null;
        },
        null);
  }

  /**
   * The thread cannot go on (out of memory, a failed journal, a state that cannot be rebuilt):
   * nothing more is accepted, everything waiting is answered, and the owner is told so the process
   * exits instead of answering as if healthy.
   */
  private void stopFatally(Throwable cause, Task inFlight) {
    if (fatal != null) {
      return;
    }
    fatal = cause;
    running = false;
    LOG.error("Expected the processing thread to go on, but it cannot: the engine stops", cause);
    EngineRejection stopped =
        new EngineRejection(
            RejectionType.UNAVAILABLE, "The engine stopped after a fatal error: " + cause);
    try {
      if (inFlight != null) {
        inFlight.abort().accept(stopped);
      }
      dispatcher.failAllPending(stopped);
      waiters.all().forEach(w -> w.future().completeExceptionally(stopped));
      Task task;
      while ((task = inbox.poll()) != null) {
        task.abort().accept(stopped);
      }
    } catch (Throwable ignored) {
      // answering waiters is best effort; the handler below must still run
    }
    try {
      Thread.ofPlatform().name("engine-fatal").start(() -> onFatal.failed(cause));
    } catch (Throwable noThread) {
      onFatal.failed(cause);
    }
  }

  private long waitMillis() {
    long untilDue = state.nextDueTime() - clock.millis();
    long untilPollExpiry =
        TimeUnit.NANOSECONDS.toMillis(
            dispatcher.expirePending(System.nanoTime()) - System.nanoTime());
    long wait = Math.min(Math.min(untilDue, untilPollExpiry), 1000);
    return Math.max(0, wait);
  }

  private <R> CompletableFuture<R> submit(Function<ProcessingContext, R> command) {
    CompletableFuture<R> future = new CompletableFuture<>();
    if (!enqueue(new Task(() -> runBatch(command, future), future::completeExceptionally))) {
      future.completeExceptionally(backpressure());
    }
    return future;
  }

  private CompletableFuture<Void> submitVoid(
      java.util.function.Consumer<ProcessingContext> command) {
    return submit(
        ctx -> {
          command.accept(ctx);
          return null;
        });
  }

  private void execute(Runnable work) {
    if (!enqueue(new Task(work, failure -> {}))) {
      LOG.warn("Dropped an internal task: the inbox is full");
    }
  }

  private boolean enqueue(Task task) {
    if (!running) {
      return false;
    }
    if (inbox.offer(task)) {
      return true;
    }
    observer.backpressureRejected();
    return false;
  }

  private void wakeUp() {
    inbox.offer(new Task(() -> {}, failure -> {}));
  }

  private void yieldJob(long jobKey) {
    submitVoid(ctx -> jobs.yield(ctx, jobKey));
  }

  private EngineRejection backpressure() {
    Throwable cause = fatal;
    if (cause != null) {
      return new EngineRejection(
          RejectionType.UNAVAILABLE, "The engine stopped after a fatal error: " + cause);
    }
    return new EngineRejection(
        RejectionType.RESOURCE_EXHAUSTED,
        "Expected to handle the request, but the engine's inbox is full (backpressure); retry later");
  }

  private <R> void runBatch(Function<ProcessingContext, R> command, CompletableFuture<R> future) {
    long started = System.nanoTime();
    long now = clock.millis();
    ProcessingContext ctx =
        new ProcessingContext(state, applier, keys, now, limits.stepsPerBatch());
    R result = null;
    Throwable failure = null;
    try {
      result = command.apply(ctx);
      ctx.drainFollowUps();
      conditionals.reevaluate(ctx);
      if (ctx.jobsBecameActivatable()) {
        dispatcher.dispatch(ctx);
      }
      if (keys.last() > state.lastKey()) {
        ctx.write(new EngineEvent.KeysReserved(keys.last()));
      }
    } catch (EngineRejection rejection) {
      failure = rejection;
    } catch (StackOverflowError tooDeep) {
      LOG.warn("Expected to process a command, but it nests too deeply", tooDeep);
      failure =
          new EngineRejection(
              RejectionType.INVALID_ARGUMENT,
              "Expected to process the command, but it nests too deeply (stack overflow)");
    } catch (RuntimeException | AssertionError | LinkageError bug) {
      LOG.error("Expected to process a command, but it failed", bug);
      failure =
          new EngineRejection(
              RejectionType.INVALID_STATE, "Expected to process the command, but " + bug);
    }
    if (failure != null && !ctx.events().isEmpty()) {
      // its events are applied already: undo them, so a failed command leaves no trace
      rollBack(ctx.events().size() + " events of a failed command");
      commit(emptyBatch(now), now, future, null, failure);
      return;
    }
    byte[] entry = null;
    if (failure == null && !ctx.events().isEmpty()) {
      String tooLarge = null;
      if (ctx.resourceBytes() > limits.maxBatchBytes()) {
        tooLarge = "its resources alone take " + ctx.resourceBytes() + " bytes";
      } else {
        try {
          entry = codec.encode(new EventBatch(now, List.copyOf(ctx.events())));
          if (entry.length > limits.maxBatchBytes()) {
            tooLarge = "its " + ctx.events().size() + " events take " + entry.length + " bytes";
          }
        } catch (OutOfMemoryError | RuntimeException e) {
          // e.g. "Requested array size exceeds VM limit": too large to encode at all
          tooLarge = "its " + ctx.events().size() + " events cannot be encoded (" + e + ")";
        }
      }
      if (tooLarge != null) {
        rollBack("an oversized batch");
        failure =
            new EngineRejection(
                RejectionType.INVALID_ARGUMENT,
                "Expected the command's events to fit in one journal entry of at most %d bytes, but %s"
                    .formatted(limits.maxBatchBytes(), tooLarge));
        commit(emptyBatch(now), now, future, null, failure);
        return;
      }
    }
    deferredSteps.addAll(ctx.takeDeferredSteps());
    commit(ctx, entry, now, future, result, failure);
    observer.batchProcessed(System.nanoTime() - started, ctx.events().size());
  }

  private ProcessingContext emptyBatch(long now) {
    return new ProcessingContext(state, applier, keys, now, limits.stepsPerBatch());
  }

  /** Undoes the applied events of a batch that will not be written, by rebuilding the state. */
  private void rollBack(String what) {
    long started = System.nanoTime();
    EngineState rebuilt;
    try {
      rebuilt = rebuilder.rebuild();
    } catch (Exception e) {
      throw new FatalStateError("Expected to roll back " + what + ", but " + e, e);
    }
    state = rebuilt;
    applier = new EventApplier(rebuilt);
    keys = new KeyGenerator(rebuilt);
    LOG.warn(
        "Rolled back {} by rebuilding the state to position {} in {} ms",
        what,
        rebuilt.position(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }

  /** The state no longer matches the journal and cannot be made to: processing must stop. */
  static final class FatalStateError extends Error {
    FatalStateError(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private <R> void commit(
      ProcessingContext ctx, long now, CompletableFuture<R> future, R result, Throwable failure) {
    commit(ctx, null, now, future, result, failure);
  }

  private <R> void commit(
      ProcessingContext ctx,
      byte[] encoded,
      long now,
      CompletableFuture<R> future,
      R result,
      Throwable failure) {
    Runnable reply =
        () -> {
          ctx.afterCommitActions().forEach(Runnable::run);
          if (future != null) {
            if (failure != null) {
              future.completeExceptionally(failure);
            } else {
              future.complete(result);
            }
          }
        };
    if (ctx.events().isEmpty()) {
      durability.afterEverythingAppended(reply);
      return;
    }
    EventBatch batch = new EventBatch(now, List.copyOf(ctx.events()));
    byte[] entry = encoded != null ? encoded : codec.encode(batch);
    // the callback may run before append returns, so it must not read the returned position
    long expected = state.position() + 1;
    long position;
    try {
      position =
          log.append(
              entry,
              () -> {
                durability.durable(expected);
                listeners.forEach(l -> l.committed(expected, batch));
              });
    } catch (RuntimeException e) {
      // the state holds events the journal refused: nothing may be processed on top of them
      throw new FatalStateError("Expected to append a batch to the journal, but " + e, e);
    }
    if (position != expected) {
      throw new IllegalStateException(
          "Expected the journal to append at position %d, but it appended at %d"
              .formatted(expected, position));
    }
    applier.appliedUpTo(position);
    durability.appended(position);
    durability.afterDurable(position, reply);
    if (++batchesSinceSnapshot >= snapshots.everyBatches()) {
      batchesSinceSnapshot = 0;
      snapshotNow();
    }
  }

  /** Encodes the state here, on its thread; the sink gets it once its position is durable. */
  private void snapshotNow() {
    long position = state.position();
    byte[] bytes = new io.orderhub.engine.state.StateSnapshotCodec().encode(state);
    durability.afterDurable(position, () -> snapshots.sink().write(position, bytes));
  }

  /**
   * Stops taking commands, lets the running batch finish, and answers everything still waiting with
   * UNAVAILABLE so no client hangs. A final snapshot is taken when {@code snapshot} is set.
   */
  public void close(boolean snapshot) {
    if (!running) {
      return;
    }
    if (snapshot) {
      CompletableFuture<Void> taken = new CompletableFuture<>();
      execute(
          () -> {
            snapshotNow();
            taken.complete(null);
          });
      taken.orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
    running = false;
    deploymentReader.shutdownNow();
    wakeUp();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    EngineRejection closing =
        new EngineRejection(RejectionType.UNAVAILABLE, "The engine is shutting down");
    dispatcher.failAllPending(closing);
    waiters.all().forEach(w -> w.future().completeExceptionally(closing));
    Task task;
    while ((task = inbox.poll()) != null) {
      task.abort().accept(closing);
    }
  }

  @Override
  public void close() {
    close(false);
  }
}
