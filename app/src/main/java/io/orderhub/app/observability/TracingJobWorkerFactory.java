package io.orderhub.app.observability;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.value.JobWorkerValue;
import io.camunda.client.annotation.value.SourceAware;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobHandler;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.client.jobhandling.JobHandlerFactory;
import io.camunda.client.jobhandling.JobWorkerFactory;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs every {@code @JobWorker} handler inside a span whose parent is the trace context its process
 * carries ({@link TraceContext#VARIABLE}), so that a job's work — and what it calls — joins the
 * trace of the request that created the order. Workers that fetch only some variables get the trace
 * context variable added to their list.
 *
 * <p>Delegates to the Camunda starter's own factory: everything else about the workers stays as
 * configured.
 */
public class TracingJobWorkerFactory extends JobWorkerFactory {

  private static final TextMapGetter<Map<String, String>> GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private final JobWorkerFactory delegate;
  private final Supplier<OpenTelemetry> openTelemetry;

  public TracingJobWorkerFactory(JobWorkerFactory delegate, Supplier<OpenTelemetry> openTelemetry) {
    super(null, null, null, null);
    this.delegate = delegate;
    this.openTelemetry = openTelemetry;
  }

  @Override
  public JobWorker createJobWorker(
      CamundaClient client, JobWorkerValue value, JobHandlerFactory handlerFactory) {
    fetchTraceContext(value);
    return delegate.createJobWorker(
        client, value, context -> traced(handlerFactory.getJobHandler(context)));
  }

  private static void fetchTraceContext(JobWorkerValue value) {
    List<SourceAware<String>> fetch = value.getFetchVariables();
    // an empty list fetches every variable, the trace context included
    if (fetch == null
        || fetch.isEmpty()
        || fetch.stream().anyMatch(v -> TraceContext.VARIABLE.equals(v.value()))) {
      return;
    }
    List<SourceAware<String>> withTraceContext = new ArrayList<>(fetch);
    withTraceContext.add(new SourceAware.GeneratedFromMethodInfo<>(TraceContext.VARIABLE));
    value.setFetchVariables(withTraceContext);
  }

  private JobHandler traced(JobHandler handler) {
    return (jobClient, job) -> {
      Tracer tracer = openTelemetry.get().getTracer("io.orderhub.jobs");
      Span span =
          tracer
              .spanBuilder("job " + job.getType())
              .setParent(parentOf(job))
              .setSpanKind(SpanKind.CONSUMER)
              .setAttribute("job.type", job.getType())
              .setAttribute("job.key", job.getKey())
              .setAttribute("process.instance.key", job.getProcessInstanceKey())
              .startSpan();
      try (Scope scope = span.makeCurrent()) {
        handler.handle(jobClient, job);
      } catch (Exception | Error e) {
        span.recordException(e);
        span.setStatus(StatusCode.ERROR);
        throw e;
      } finally {
        span.end();
      }
    };
  }

  private static Context parentOf(ActivatedJob job) {
    Object traceparent = job.getVariablesAsMap().get(TraceContext.VARIABLE);
    if (!(traceparent instanceof String value)) {
      return Context.current();
    }
    return W3CTraceContextPropagator.getInstance()
        .extract(Context.root(), Map.of(TraceContext.VARIABLE, value), GETTER);
  }
}
