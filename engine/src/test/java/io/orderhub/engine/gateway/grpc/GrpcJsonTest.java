package io.orderhub.engine.gateway.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GrpcJsonTest {

  @Test
  void shouldReadEmptyStringAsNoVariables() {
    assertThat(GrpcJson.readObject("variables", "")).isEmpty();
  }

  @Test
  void shouldReadNestedValuesAsPlainJava() {
    assertThat(GrpcJson.readObject("variables", "{\"a\":1,\"b\":[true,null],\"c\":{\"d\":2.5}}"))
        .containsEntry("a", 1)
        .containsEntry("b", java.util.Arrays.asList(true, null))
        .containsEntry("c", Map.of("d", 2.5));
  }

  @Test
  void shouldRejectAnythingButAnObjectNamingTheField() {
    for (String json : List.of("[1]", "42", "\"x\"", "null", "{broken")) {
      assertThatThrownBy(() -> GrpcJson.readObject("variables", json))
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> {
                assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                assertThat(e.getStatus().getDescription()).startsWith("Property 'variables' ");
              });
    }
  }

  @Test
  void shouldWriteMapsAsJsonObjects() {
    final Map<String, Object> values = new LinkedHashMap<>();
    values.put("a", 1);
    values.put("b", null);

    assertThat(GrpcJson.write(values)).isEqualTo("{\"a\":1,\"b\":null}");
    assertThat(GrpcJson.write(null)).isEqualTo("{}");
  }
}
