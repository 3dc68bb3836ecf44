package io.orderhub.app.observability;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.Optional;

/**
 * The W3C trace context ({@code traceparent}) of the current span, as it travels with an order's
 * process: a process variable set on create, read by every job worker (see {@link
 * TracingJobWorkerFactory}), so the whole saga is one trace.
 */
public final class TraceContext {

  /** The process variable (and W3C header name) the context travels in. */
  public static final String VARIABLE = "traceparent";

  private TraceContext() {}

  /** {@code 00-<trace id>-<span id>-<flags>} of the current span, if one is recording. */
  public static Optional<String> currentTraceparent() {
    SpanContext context = Span.current().getSpanContext();
    if (!context.isValid()) {
      return Optional.empty();
    }
    return Optional.of(
        "00-"
            + context.getTraceId()
            + "-"
            + context.getSpanId()
            + "-"
            + context.getTraceFlags().asHex());
  }
}
