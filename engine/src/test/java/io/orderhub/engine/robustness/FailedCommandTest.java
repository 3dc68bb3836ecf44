package io.orderhub.engine.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.orderhub.engine.processing.EngineLimits;
import io.orderhub.engine.record.EngineEvent.ProcessDeployed;
import io.orderhub.engine.state.StateSnapshotCodec;
import io.orderhub.engine.testing.EngineTestBase;
import io.orderhub.engine.testing.Transport;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A command that fails leaves no trace: nothing of it is applied, nothing journaled, and the data
 * directory always starts again.
 */
class FailedCommandTest extends EngineTestBase {

  // small batches, so a single variable of a few hundred kilobytes exceeds one
  private static final int MAX_BATCH = 256 * 1024;

  @Override
  protected EngineLimits limits() {
    return new EngineLimits(EngineLimits.DEFAULTS.maxDeploymentBytes(), MAX_BATCH, 1_000);
  }

  @Test
  void shouldRejectADeploymentLargerThanTheMaximumMessageSize() throws Exception {
    // given 100 small processes with 210 KB of documentation each: 21 MB
    DeployResourceCommandStep2 command = null;
    for (int i = 1; i <= 100; i++) {
      byte[] resource = HostileModels.definitions(HostileModels.process("doc" + i, 210_000));
      command =
          command == null
              ? client(Transport.REST)
                  .newDeployResourceCommand()
                  .addResourceBytes(resource, "doc" + i + ".bpmn")
              : command.addResourceBytes(resource, "doc" + i + ".bpmn");
    }
    DeployResourceCommandStep2 deployment = command;

    // then
    assertThatThrownBy(() -> deployment.send().join())
        .hasMessageContaining("at most 4194304 bytes")
        .hasMessageContaining("100 resources");
    assertNoTraceOf("doc1");
  }

  @Test
  void shouldRejectAResourceWhoseProcessesExceedABatchAndLeaveNoTrace() throws Exception {
    // given one resource of 5,000 processes: every process record carries the whole resource
    byte[] resource = HostileModels.manyProcesses("many", 5_000);
    assertThat(resource.length).isGreaterThan(1_000_000);

    // then
    assertThatThrownBy(
            () ->
                client(Transport.REST)
                    .newDeployResourceCommand()
                    .addResourceBytes(resource, "many.bpmn")
                    .send()
                    .join())
        .hasMessageContaining("maximum batch size");
    assertNoTraceOf("many1");
  }

  @Test
  void shouldRollBackACommandWhoseEventsExceedABatch() throws Exception {
    // given
    client(Transport.REST)
        .newDeployResourceCommand()
        .addResourceBytes(HostileModels.definitions(HostileModels.process("small", 0)), "s.bpmn")
        .send()
        .join();
    String before = canonicalState();

    // when: the instance's events (with a 300 KB variable) are written, applied, then too large
    assertThatThrownBy(() -> start(Transport.REST, "small", Map.of("blob", "y".repeat(300_000))))
        .hasMessageContaining("at most " + MAX_BATCH + " bytes");

    // then nothing of it is left: the state is the one before, and the engine goes on
    assertThat(canonicalState()).isEqualTo(before);
    long key = start(Transport.GRPC, "small", Map.of()).getProcessInstanceKey();
    awaitProcessCompleted(key);
    restartEngine();
    assertThat(start(Transport.REST, "small", Map.of()).getProcessInstanceKey()).isGreaterThan(key);
  }

  private void assertNoTraceOf(String bpmnProcessId) throws Exception {
    assertThat(records.events(ProcessDeployed.class)).isEmpty();
    assertThatThrownBy(() -> start(Transport.REST, bpmnProcessId, Map.of()))
        .hasMessageContaining("NOT_FOUND");
    // the data directory starts again, and the engine goes on
    restartEngine();
    client(Transport.GRPC)
        .newDeployResourceCommand()
        .addResourceBytes(HostileModels.definitions(HostileModels.process("after", 0)), "a.bpmn")
        .send()
        .join();
    awaitProcessCompleted(start(Transport.GRPC, "after", Map.of()).getProcessInstanceKey());
  }

  private String canonicalState() {
    return engine.processor().read(state -> new StateSnapshotCodec().canonicalJson(state)).join();
  }
}
