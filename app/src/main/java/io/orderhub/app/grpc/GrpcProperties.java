package io.orderhub.app.grpc;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gRPC server ({@code orderhub.grpc.*}).
 *
 * @param port 0 picks a free port
 * @param shutdownGrace how long running calls may take to finish when the application stops
 */
@ConfigurationProperties("orderhub.grpc")
public record GrpcProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("9090") int port,
    @DefaultValue("PT10S") Duration shutdownGrace) {}
