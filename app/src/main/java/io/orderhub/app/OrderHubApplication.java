package io.orderhub.app;

import io.orderhub.domain.DomainConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The Order Hub application: order API (REST and gRPC), process start, payment webhook — and, on
 * the {@code local} profile (the default), the engine and PostgreSQL in-process.
 *
 * <p>Scans {@code io.orderhub.workers} and {@code io.orderhub.compensation} as well as its own
 * package, so the job workers plug in as soon as their modules are on the classpath.
 */
@SpringBootApplication(
    scanBasePackages = {"io.orderhub.app", "io.orderhub.workers", "io.orderhub.compensation"})
@Import(DomainConfiguration.class)
@EnableScheduling
public class OrderHubApplication {

  public static void main(String[] args) {
    SpringApplication.run(OrderHubApplication.class, args);
  }
}
