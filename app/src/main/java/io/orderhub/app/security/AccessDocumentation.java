package io.orderhub.app.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document says how to authenticate: a bearer JWT on every operation (401 without a
 * valid one, 403 when its roles do not allow the operation), except the payment callback, which is
 * HMAC-signed instead.
 */
@Configuration(proxyBeanMethods = false)
public class AccessDocumentation {

  static final String SCHEME = "bearer";

  @Bean
  OpenApiCustomizer bearerTokens() {
    return openApi -> {
      if (openApi.getComponents() == null) {
        openApi.setComponents(new Components());
      }
      openApi
          .getComponents()
          .addSecuritySchemes(
              SCHEME,
              new SecurityScheme()
                  .type(SecurityScheme.Type.HTTP)
                  .scheme("bearer")
                  .bearerFormat("JWT")
                  .description(
                      "A JWT of the configured issuer, audience orderhub-api, roles in the claim"
                          + " roles (customer, operator, carrier, payment-provider). Locally: POST"
                          + " /local/token?role=operator"));
      if (openApi.getPaths() == null) {
        return;
      }
      openApi
          .getPaths()
          .forEach(
              (path, item) -> {
                boolean signed = path.equals(ApiSecurityConfiguration.PAYMENT_CALLBACKS);
                item.readOperations().forEach(operation -> document(operation, signed));
              });
    };
  }

  private static void document(Operation operation, boolean signed) {
    if (signed) {
      operation.setSecurity(List.of());
      return;
    }
    operation.setSecurity(List.of(new SecurityRequirement().addList(SCHEME)));
    if (operation.getResponses() == null) {
      operation.setResponses(new ApiResponses());
    }
    operation
        .getResponses()
        .addApiResponse("401", problem("no bearer token, or one not valid here (WWW-Authenticate)"))
        .addApiResponse("403", problem("the token's roles do not allow the operation"));
  }

  private static ApiResponse problem(String description) {
    return new ApiResponse()
        .description(description)
        .content(
            new Content()
                .addMediaType(
                    "application/problem+json",
                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
  }
}
