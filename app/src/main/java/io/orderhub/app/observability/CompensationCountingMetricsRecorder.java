package io.orderhub.app.observability;

import io.camunda.client.metrics.MicrometerMetricsRecorder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Camunda client's job worker metrics ({@code camunda_job_invocations_total}), plus {@code
 * orderhub_compensations_total}: a compensation happened when its compensating job completed.
 */
public class CompensationCountingMetricsRecorder extends MicrometerMetricsRecorder {

  private static final String JOB_TYPE_TAG = "type";
  private final Map<String, Counter> compensations;

  public CompensationCountingMetricsRecorder(
      MeterRegistry registry, Set<String> compensationJobTypes) {
    super(registry);
    this.compensations =
        compensationJobTypes.stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    Function.identity(), type -> AppMeters.compensations(registry, type)));
  }

  @Override
  public void increaseCompleted(CounterMetricsContext context) {
    super.increaseCompleted(context);
    Counter counter = compensations.get(context.tags().get(JOB_TYPE_TAG));
    if (counter != null) {
      counter.increment(context.count());
    }
  }
}
