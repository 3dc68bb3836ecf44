package io.orderhub.engine.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import io.orderhub.engine.record.EngineEvent.VariableCreated;
import io.orderhub.engine.testing.EngineTestBase;
import io.orderhub.engine.testing.Transport;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Numbers keep their value: what no variable can hold exactly is rejected, never changed. */
class NumbersTest extends EngineTestBase {

  @BeforeEach
  void deployProcess() {
    client(Transport.REST)
        .newDeployResourceCommand()
        .addResourceBytes(HostileModels.definitions(HostileModels.process("numbers", 0)), "n.bpmn")
        .send()
        .join();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldRejectAnIntegerBeyondTheLongRange(Transport transport) {
    for (BigInteger tooLarge :
        new BigInteger[] {
          new BigInteger("9223372036854775808"), BigInteger.TWO.pow(64).add(BigInteger.ONE)
        }) {
      assertThatThrownBy(() -> start(transport, "numbers", Map.of("amount", tooLarge)))
          .hasMessageContaining("Expected an integer within the 64-bit range")
          .hasMessageContaining("amount");
    }
    assertThat(records.events(VariableCreated.class)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e400", "-1e400", "1e-400", "0.10000000000000000000001"})
  void shouldRejectADecimalNoDoubleHoldsOverRest(String number) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://localhost:" + engine.restPort() + "/v2/process-instances"))
                    .header("Authorization", basicAuthorization())
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"processDefinitionId\":\"numbers\",\"variables\":{\"x\":{\"y\":[%s]}}}"
                                .formatted(number)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("variables.x.y[0]").contains("send it as a string");
    assertThat(records.events(VariableCreated.class)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e400", "18446744073709551617", "0.10000000000000000000001"})
  void shouldRejectANumberNoVariableHoldsOverGrpc(String number) {
    // the raw protocol: the client would parse and re-encode the JSON (and round it) itself
    ManagedChannel channel =
        ManagedChannelBuilder.forAddress("localhost", engine.grpcPort())
            .usePlaintext()
            .intercept(grpcCredentials())
            .build();
    try {
      assertThatThrownBy(
              () ->
                  GatewayGrpc.newBlockingStub(channel)
                      .createProcessInstance(
                          GatewayOuterClass.CreateProcessInstanceRequest.newBuilder()
                              .setBpmnProcessId("numbers")
                              .setVersion(-1)
                              .setVariables("{\"x\": %s}".formatted(number))
                              .build()))
          .isInstanceOf(StatusRuntimeException.class)
          .hasMessageContaining("INVALID_ARGUMENT")
          .hasMessageContaining("at 'x'")
          .hasMessageContaining("send it as a string");
    } finally {
      channel.shutdownNow();
    }
    assertThat(records.events(VariableCreated.class)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldKeepEveryNumberAVariableHoldsExactly(Transport transport) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("max", Long.MAX_VALUE);
    values.put("min", Long.MIN_VALUE);
    values.put("tenth", 0.1);
    values.put("large", 1.7976931348623157e308);
    values.put("small", 4.9e-324);

    start(transport, "numbers", values);
    records.await(VariableCreated.class, v -> v.name().equals("small"));

    Map<String, Object> stored = new LinkedHashMap<>();
    records.events(VariableCreated.class).forEach(v -> stored.put(v.name(), v.value()));
    assertThat(stored)
        .containsEntry("max", Long.MAX_VALUE)
        .containsEntry("min", Long.MIN_VALUE)
        .containsEntry("tenth", 0.1)
        .containsEntry("large", 1.7976931348623157e308)
        .containsEntry("small", 4.9e-324);
  }
}
