package io.orderhub.domain.outbox.infrastructure;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.orderhub.domain.shared.model.DomainEvent;
import io.orderhub.domain.shared.model.Identifier;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * The JSON form of events in the outbox. A mapper of its own rather than the application's: the
 * payload is a published contract and must not change when someone reconfigures the web layer's
 * JSON. Identifiers are written as plain strings, amounts as decimal numbers with a currency code,
 * instants as ISO-8601 strings.
 */
public class EventJson {

  private final JsonMapper mapper =
      JsonMapper.builder()
          .addModule(
              new SimpleModule("orderhub-ids")
                  .addSerializer(Identifier.class, new IdentifierSerializer()))
          // records are written as their components only: a derived isX() is not data
          .changeDefaultVisibility(
              visibility -> visibility.withIsGetterVisibility(JsonAutoDetect.Visibility.NONE))
          .build();

  public String write(DomainEvent event) {
    return mapper.writeValueAsString(event);
  }

  private static final class IdentifierSerializer extends StdSerializer<Identifier> {

    IdentifierSerializer() {
      super(Identifier.class);
    }

    @Override
    public void serialize(Identifier value, JsonGenerator gen, SerializationContext context) {
      gen.writeString(value.asString());
    }
  }
}
