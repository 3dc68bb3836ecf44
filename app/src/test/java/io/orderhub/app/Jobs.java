package io.orderhub.app;

import static org.assertj.core.api.Assertions.fail;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Observes the test processes through their jobs, over the official client like a worker would: a
 * job of a type appears exactly when an instance reached that task. Activated jobs stay locked
 * (long timeout) and are remembered per type, so tests sharing a job type never see one job twice
 * nor lose one another test activated. No sleeping: activation long-polls.
 */
public final class Jobs {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Map<String, List<ActivatedJob>> SEEN = new ConcurrentHashMap<>();

  private Jobs() {}

  /**
   * Waits until jobs of {@code type} matching {@code match} were activated; returns all of them.
   */
  public static List<ActivatedJob> await(
      CamundaClient client, String type, Predicate<ActivatedJob> match) {
    Instant deadline = Instant.now().plus(WAIT);
    while (true) {
      List<ActivatedJob> found = activate(client, type, Duration.ofSeconds(2));
      List<ActivatedJob> matching = found.stream().filter(match).toList();
      if (!matching.isEmpty()) {
        // one more round: a second instance's job would be activatable by now as well
        return activate(client, type, Duration.ofMillis(200)).stream().filter(match).toList();
      }
      if (Instant.now().isAfter(deadline)) {
        fail(
            "Expected a job of type %s matching the test within %s, but saw %s", type, WAIT, found);
      }
    }
  }

  public static Predicate<ActivatedJob> forOrder(String orderId) {
    return job -> orderId.equals(job.getVariablesAsMap().get("orderId"));
  }

  /** Activates what is activatable now and returns every job of the type seen so far. */
  private static synchronized List<ActivatedJob> activate(
      CamundaClient client, String type, Duration requestTimeout) {
    List<ActivatedJob> seen = SEEN.computeIfAbsent(type, t -> new ArrayList<>());
    seen.addAll(
        client
            .newActivateJobsCommand()
            .jobType(type)
            .maxJobsToActivate(100)
            .timeout(Duration.ofMinutes(30))
            .requestTimeout(requestTimeout)
            .send()
            .join()
            .getJobs());
    return List.copyOf(seen);
  }
}
