package io.orderhub.engine.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhub.engine.api.DeployCommand;
import io.orderhub.engine.api.Topology;
import io.orderhub.engine.clock.EngineClock;
import io.orderhub.engine.feel.FeelEvaluator;
import io.orderhub.engine.model.ProcessModelReader;
import io.orderhub.engine.processing.EngineLimits;
import io.orderhub.engine.processing.EngineProcessor;
import io.orderhub.engine.state.EngineState;
import io.orderhub.engine.testing.EngineTestBase;
import io.orderhub.engine.testing.Transport;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The processing thread never dies silently: a failing command is rejected (or becomes an
 * incident), and an error it cannot go on from stops the engine visibly.
 */
class ProcessingThreadTest extends EngineTestBase {

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldRejectADeploymentWithTooDeeplyNestedFeel(Transport transport) {
    // given: 1,000 parentheses around 1 (~200 overflowed the parser's stack)
    byte[] deep = HostileModels.script("deep", HostileModels.nestedParentheses(1_000));

    // then
    assertThatThrownBy(
            () ->
                client(transport)
                    .newDeployResourceCommand()
                    .addResourceBytes(deep, "deep.bpmn")
                    .send()
                    .join())
        .hasMessageContaining("nested too deeply");
    client(transport)
        .newDeployResourceCommand()
        .addResourceBytes(HostileModels.definitions(HostileModels.process("after", 0)), "a.bpmn")
        .send()
        .join();
    awaitProcessCompleted(start(transport, "after", Map.of()).getProcessInstanceKey());
  }

  @Test
  void shouldStopVisiblyWhenTheThreadCannotGoOn() throws Exception {
    // given: a journal whose append runs out of memory
    FeelEvaluator feel = new FeelEvaluator(System::currentTimeMillis);
    ProcessModelReader reader = new ProcessModelReader(feel);
    CompletableFuture<Throwable> fatal = new CompletableFuture<>();
    EngineProcessor processor =
        new EngineProcessor(
            new EngineState(reader),
            (entry, onDurable) -> {
              throw new OutOfMemoryError("Java heap space (simulated)");
            },
            EngineClock.system(),
            feel,
            reader,
            new Topology("localhost", 0, "test", 1, "test"),
            100,
            List.of(),
            EngineProcessor.SnapshotPolicy.none(),
            EngineLimits.DEFAULTS,
            EngineProcessor.StateRebuilder.none(),
            fatal::complete);
    try {
      processor.start();

      // when
      CompletableFuture<?> deployment =
          processor.deploy(
              new DeployCommand(
                  List.of(
                      new DeployCommand.Resource(
                          "p.bpmn", HostileModels.definitions(HostileModels.process("p", 0)))),
                  "<default>"));

      // then: the command is answered, the owner is told, later commands are refused at once
      assertThatThrownBy(() -> deployment.get(20, TimeUnit.SECONDS))
          .hasMessageContaining("stopped after a fatal error");
      assertThat(fatal.get(20, TimeUnit.SECONDS)).isInstanceOf(OutOfMemoryError.class);
      assertThat(processor.failed()).isTrue();
      assertThatThrownBy(() -> processor.cancelProcessInstance(1).join())
          .isInstanceOf(CompletionException.class)
          .hasMessageContaining("stopped after a fatal error");
    } finally {
      processor.close();
    }
  }
}
