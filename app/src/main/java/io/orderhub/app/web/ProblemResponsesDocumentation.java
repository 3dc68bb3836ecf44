package io.orderhub.app.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document tells the body of every error: each 4xx/5xx response an operation declares
 * is an {@code application/problem+json} {@code Problem}. Which codes an operation answers with is
 * declared on the operation itself — springdoc's habit of attaching every exception handler's code
 * to every operation is off ({@code springdoc.override-with-generic-response=false}), so the
 * document lists what each operation really answers, and {@code OpenApiTruthTest} holds it to that.
 */
@Configuration(proxyBeanMethods = false)
public class ProblemResponsesDocumentation {

  static final String PROBLEM = "application/problem+json";
  static final String SCHEMA = "Problem";

  @Bean
  OpenApiCustomizer problemResponses() {
    return openApi -> {
      if (openApi.getComponents() == null) {
        openApi.setComponents(new Components());
      }
      openApi.getComponents().addSchemas(SCHEMA, problemSchema());
      if (openApi.getPaths() == null) {
        return;
      }
      openApi
          .getPaths()
          .values()
          .forEach(
              path ->
                  path.readOperations()
                      .forEach(
                          operation -> {
                            if (operation.getResponses() == null) {
                              return;
                            }
                            operation.getResponses().forEach(this::documentProblem);
                          }));
    };
  }

  private void documentProblem(String code, ApiResponse response) {
    if (!code.matches("[45]\\d\\d")) {
      return;
    }
    Content content = new Content();
    content.addMediaType(
        PROBLEM, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA)));
    response.setContent(content);
  }

  private static Schema<?> problemSchema() {
    ObjectSchema violation = new ObjectSchema();
    violation.addProperty("field", new StringSchema().description("the offending field or header"));
    violation.addProperty("message", new StringSchema());
    ObjectSchema problem = new ObjectSchema();
    problem.description(
        "RFC 7807 problem. Validation problems name the fields in errors; an illegal transition"
            + " names the order's currentState, the attempted state and allowedNext.");
    problem.addProperty("type", new StringSchema().description("urn:orderhub:problem:..."));
    problem.addProperty("title", new StringSchema());
    problem.addProperty("status", new IntegerSchema());
    problem.addProperty("detail", new StringSchema());
    problem.addProperty("instance", new StringSchema());
    problem.addProperty("errors", new ArraySchema().items(violation));
    problem.addProperty("currentState", new StringSchema());
    problem.addProperty("attempted", new StringSchema());
    problem.addProperty("allowedNext", new ArraySchema().items(new StringSchema()));
    return problem;
  }
}
