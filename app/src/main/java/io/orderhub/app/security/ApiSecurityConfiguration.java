package io.orderhub.app.security;

import io.grpc.ServerInterceptor;
import io.orderhub.app.order.OrderAccess;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every HTTP route asks for a JWT bearer token (OAuth2 resource server), except what is public on
 * purpose: the payment callback (authenticated by its HMAC signature instead), the health status
 * for probes (details only for operators: {@code management.endpoint.health.show-details}), and in
 * the local profile the built-in issuer and the OpenAPI document. Roles per route come from {@link
 * ApiOperation}; anything not listed there — other actuator endpoints, a route added later — is for
 * operators only.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccessProperties.class)
public class ApiSecurityConfiguration {

  /** The probes' URLs: status only (UP/DOWN), no details without an operator token. */
  public static final String[] HEALTH_STATUS = {
    "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"
  };

  /** The payment provider's webhook: HMAC-signed (header Payment-Signature), no token. */
  public static final String PAYMENT_CALLBACKS = "/api/payments/callbacks";

  @Bean
  CallerAuthentication callerAuthentication(AccessProperties properties) {
    return new CallerAuthentication(properties);
  }

  @Bean
  OrderAccess currentCaller(AccessProperties properties) {
    return new CurrentCaller(properties);
  }

  /**
   * No spans of Spring Security's own (filter chain, authentication, authorization) inside each
   * request: the request's server span stays the parent of what the request starts — the order's
   * process jobs join its trace there (TracingTest) — and refusals show as 401/403 in the HTTP
   * metrics anyway.
   */
  @Bean
  SecurityObservationSettings securityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  /** The gRPC entrance's counterpart of the filter chain. */
  @Bean
  ServerInterceptor bearerTokenInterceptor(
      ObjectProvider<JwtDecoder> decoder, CallerAuthentication callers) {
    return new BearerTokenInterceptor(trustedIssuer(decoder), callers);
  }

  /**
   * The payment callback answers to its HMAC signature alone (checked by the controller): a token,
   * valid or not, changes nothing there.
   */
  @Bean
  @Order(1)
  SecurityFilterChain signedCallbacks(HttpSecurity http) throws Exception {
    http.securityMatcher(PAYMENT_CALLBACKS)
        .csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(AbstractHttpConfigurer::disable)
        .authorizeHttpRequests(routes -> routes.anyRequest().permitAll());
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain apiSecurity(
      HttpSecurity http,
      CallerAuthentication callers,
      ObjectProvider<JwtDecoder> decoder,
      ObjectProvider<LocalIssuer> localIssuer,
      @Value("${springdoc.api-docs.enabled:true}") boolean openApi,
      @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer,
      @Value("${spring.security.oauth2.resourceserver.jwt.audiences:}") String audiences)
      throws Exception {
    trustedIssuer(decoder);
    // Boot's decoder checks iss and aud only when they are configured: without them any token the
    // keys signed — for any audience — would pass
    if (issuer.isBlank() || audiences.isBlank()) {
      throw new IllegalStateException(
          "Expected spring.security.oauth2.resourceserver.jwt.issuer-uri and .audiences to name"
              + " the issuer and audience of the tokens to accept, but "
              + (issuer.isBlank() ? "issuer-uri" : "audiences")
              + " is not set");
    }
    AccessProblems problems = new AccessProblems();
    boolean local = localIssuer.getIfAvailable() != null;
    http.csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(AbstractHttpConfigurer::disable)
        .authorizeHttpRequests(
            routes -> {
              // the container's error dispatch renders a problem for a request already judged
              routes.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
              routes.requestMatchers("/error").permitAll();
              routes.requestMatchers(HttpMethod.GET, HEALTH_STATUS).permitAll();
              if (local) {
                routes.requestMatchers(LocalIssuer.PATHS).permitAll();
              }
              if (openApi) {
                routes
                    .requestMatchers(
                        "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html")
                    .permitAll();
                routes.requestMatchers("/swagger-ui/**").permitAll();
              }
              for (ApiOperation operation : ApiOperation.values()) {
                routes
                    .requestMatchers(operation.method(), operation.path())
                    .hasAnyRole(operation.roleNames());
              }
              routes.anyRequest().hasRole(Role.OPERATOR.roleName());
            })
        .oauth2ResourceServer(
            server ->
                server
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(callers))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems))
        .exceptionHandling(
            errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    return http.build();
  }

  private static JwtDecoder trustedIssuer(ObjectProvider<JwtDecoder> decoder) {
    JwtDecoder trusted = decoder.getIfAvailable();
    if (trusted == null) {
      throw new IllegalStateException(
          "Expected an issuer of tokens to trust — spring.security.oauth2.resourceserver.jwt."
              + "jwk-set-uri (with issuer-uri and audiences), or the local profile's built-in"
              + " issuer — but none is configured");
    }
    return trusted;
  }
}
