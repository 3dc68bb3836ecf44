/**
 * The Spring Boot application of Order Hub. Sub-packages: {@code order} (the order API's use cases
 * and REST endpoints), {@code payment} (the provider webhook), {@code process} (starting and
 * messaging the BPMN processes through the Camunda client), {@code events} (the outbox relay to
 * Kafka), {@code grpc} (the gRPC server), {@code security} (who may call the API: bearer tokens,
 * roles, ownership), {@code web} (RFC 7807 problems), {@code local} (what the local profile embeds)
 * and {@code schema} (the application's own tables).
 *
 * <p>The application never imports engine classes except in {@code local}, to start and stop the
 * embedded engine; everything else talks to the engine over the wire through the Camunda client.
 */
package io.orderhub.app;
