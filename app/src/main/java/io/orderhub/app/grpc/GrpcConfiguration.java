package io.orderhub.app.grpc;

import io.grpc.BindableService;
import io.grpc.ServerInterceptor;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.orderhub.app.order.OrderUseCases;
import jakarta.validation.Validator;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GrpcProperties.class)
@ConditionalOnProperty(name = "orderhub.grpc.enabled", havingValue = "true", matchIfMissing = true)
public class GrpcConfiguration {

  @Bean
  OrderGrpcService orderGrpcService(OrderUseCases useCases, Validator validator) {
    return new OrderGrpcService(useCases, validator);
  }

  @Bean
  GrpcHealth grpcHealth() {
    return new GrpcHealth();
  }

  /** {@code grpc.health.v1.Health}, for load balancers and {@code grpc_health_probe}. */
  @Bean
  BindableService grpcHealthService(GrpcHealth health) {
    return health.service();
  }

  /** Server reflection, so {@code grpcurl} and other tools discover the services. */
  @Bean
  BindableService grpcReflectionService() {
    return ProtoReflectionServiceV1.newInstance();
  }

  @Bean
  GrpcServer grpcServer(
      GrpcProperties properties,
      List<BindableService> services,
      List<ServerInterceptor> interceptors) {
    return new GrpcServer(properties, services, interceptors);
  }
}
