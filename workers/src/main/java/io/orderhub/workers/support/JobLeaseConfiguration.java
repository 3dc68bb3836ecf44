package io.orderhub.workers.support;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.value.JobWorkerValue;
import io.camunda.client.annotation.value.SourceAware;
import io.camunda.client.api.worker.BackoffSupplier;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.client.jobhandling.JobExceptionHandlerSupplier;
import io.camunda.client.jobhandling.JobHandlerFactory;
import io.camunda.client.jobhandling.JobWorkerFactory;
import io.camunda.client.metrics.JobWorkerMetricsFactory;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Every {@code @JobWorker} of the application runs under {@link JobLeases} and {@link
 * QuietOvertakenSteps}: the starter's job worker factory, with each handler wrapped so its job's
 * timeout is renewed while it works and a step overtaken by a cancellation is no warning.
 */
@Configuration(proxyBeanMethods = false)
public class JobLeaseConfiguration {

  @Bean(destroyMethod = "close")
  JobLeases jobLeases(@Value("${orderhub.jobs.max-lease:PT10M}") Duration maxLease) {
    return new JobLeases(maxLease);
  }

  /**
   * Takes the place of the starter's factory: primary, because the starter's own one may still be
   * registered beside it (its condition is evaluated before this configuration is seen).
   */
  @Bean
  @Primary
  JobWorkerFactory leaseExtendingJobWorkerFactory(
      @Qualifier("backoffSupplier") BackoffSupplier backoffSupplier,
      @Qualifier("streamNoJobsBackoffSupplier") BackoffSupplier streamNoJobsBackoffSupplier,
      JobWorkerMetricsFactory metrics,
      JobExceptionHandlerSupplier exceptionHandlers,
      JobLeases leases,
      // what the client activates with when the worker names no timeout (its own default: 5 min)
      @Value("${camunda.client.worker.defaults.timeout:PT5M}") Duration defaultTimeout) {
    return new JobWorkerFactory(
        backoffSupplier, streamNoJobsBackoffSupplier, exceptionHandlers, metrics) {
      @Override
      public JobWorker createJobWorker(
          CamundaClient client, JobWorkerValue value, JobHandlerFactory handlers) {
        Duration timeout =
            Optional.ofNullable(value.getTimeout()).map(SourceAware::value).orElse(defaultTimeout);
        return super.createJobWorker(
            client,
            value,
            context ->
                leases.extending(
                    QuietOvertakenSteps.wrap(handlers.getJobHandler(context)), client, timeout));
      }
    };
  }
}
