package io.orderhub.engine.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.orderhub.engine.record.EngineEvent.ElementActivating;
import io.orderhub.engine.record.EngineEvent.TimerCreated;
import io.orderhub.engine.testing.EngineTestBase;
import io.orderhub.engine.testing.Transport;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TimerEventTest extends EngineTestBase {

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldFireAnIntermediateTimerOnlyWhenItIsDue(Transport transport) {
    deploy(
        transport,
        Bpmn.createExecutableProcess("sla")
            .startEvent()
            .intermediateCatchEvent("wait", e -> e.timerWithDurationExpression("slaDuration"))
            .serviceTask("escalate", t -> t.zeebeJobType("escalate"))
            .endEvent()
            .done());
    ProcessInstanceEvent instance = start(transport, "sla", Map.of("slaDuration", "PT2H"));
    TimerCreated timer = records.await(TimerCreated.class);
    assertThat(timer.dueDate() - clock.millis()).isEqualTo(Duration.ofHours(2).toMillis());

    clock.advance(Duration.ofMinutes(119));
    assertThat(
            client(transport)
                .newActivateJobsCommand()
                .jobType("escalate")
                .maxJobsToActivate(1)
                .requestTimeout(Duration.ofMillis(200))
                .send()
                .join()
                .getJobs())
        .isEmpty();

    clock.advance(Duration.ofMinutes(1));
    var job = activateOne(transport, "escalate");
    assertThat(job.getProcessInstanceKey()).isEqualTo(instance.getProcessInstanceKey());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldFireADateTimer(Transport transport) {
    deploy(
        transport,
        Bpmn.createExecutableProcess("date")
            .startEvent()
            .intermediateCatchEvent("at", e -> e.timerWithDate("2026-01-02T00:00:00Z"))
            .endEvent()
            .done());
    ProcessInstanceEvent instance = start(transport, "date", Map.of());
    records.await(TimerCreated.class);

    clock.advance(Duration.ofDays(1));

    awaitProcessCompleted(instance.getProcessInstanceKey());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldStartInstancesFromACycleTimerStartEvent(Transport transport) {
    deploy(
        transport,
        Bpmn.createExecutableProcess("nightly")
            .startEvent("tick")
            .timerWithCycle("R2/PT1H")
            .endEvent("done")
            .done());

    clock.advance(Duration.ofHours(1));
    records.await(ElementActivating.class, e -> e.elementId().equals("done"));
    clock.advance(Duration.ofHours(1));
    records.await(ElementActivating.class, e -> e.elementId().equals("done") && countDone() == 2);
    clock.advance(Duration.ofHours(5));

    assertThat(countDone()).isEqualTo(2);
    assertThat(records.events(TimerCreated.class)).hasSize(2);
  }

  private long countDone() {
    return records.events(ElementActivating.class).stream()
        .filter(e -> e.elementId().equals("done"))
        .count();
  }
}
