package io.orderhub.app.security;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.health.v1.HealthGrpc;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * The gRPC side of the REST filter chain: each call carries {@code authorization: Bearer <JWT>}
 * metadata (call credentials), validated by the same decoder and mapped to the same roles; the
 * method's {@link ApiOperation} says which roles may call it (a method not listed: operators only).
 * A missing or invalid token ends the call UNAUTHENTICATED, a role that may not call it
 * PERMISSION_DENIED. The caller is the security context of the thread while the service runs, so
 * {@link CurrentCaller} applies the same ownership rule as over REST.
 *
 * <p>The standard health service stays public, for load balancers and probes.
 */
public final class BearerTokenInterceptor implements ServerInterceptor {

  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final String BEARER = "bearer ";

  private final AuthenticationProvider tokens;

  public BearerTokenInterceptor(JwtDecoder decoder, CallerAuthentication callers) {
    JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
    provider.setJwtAuthenticationConverter(callers);
    this.tokens = provider;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    if (HealthGrpc.SERVICE_NAME.equals(call.getMethodDescriptor().getServiceName())) {
      return next.startCall(call, headers);
    }
    Authentication caller;
    try {
      caller = authenticate(headers.get(AUTHORIZATION));
    } catch (AuthenticationException e) {
      call.close(
          Status.UNAUTHENTICATED.withDescription("The bearer token is refused: " + e.getMessage()),
          new Metadata());
      return new ServerCall.Listener<>() {};
    }
    String method = call.getMethodDescriptor().getFullMethodName();
    if (!permitted(caller, method)) {
      call.close(
          Status.PERMISSION_DENIED.withDescription("The token's roles do not allow " + method),
          new Metadata());
      return new ServerCall.Listener<>() {};
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(caller);
    ServerCall.Listener<Q> listener = as(context, () -> next.startCall(call, headers));
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
      @Override
      public void onMessage(Q message) {
        within(context, () -> super.onMessage(message));
      }

      @Override
      public void onHalfClose() {
        within(context, super::onHalfClose);
      }

      @Override
      public void onCancel() {
        within(context, super::onCancel);
      }

      @Override
      public void onComplete() {
        within(context, super::onComplete);
      }

      @Override
      public void onReady() {
        within(context, super::onReady);
      }
    };
  }

  private Authentication authenticate(String authorization) {
    if (authorization == null
        || !authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)
        || authorization.substring(BEARER.length()).isBlank()) {
      throw new org.springframework.security.authentication
          .AuthenticationCredentialsNotFoundException(
          "a bearer token is required (metadata authorization: Bearer <JWT>)");
    }
    return tokens.authenticate(
        new BearerTokenAuthenticationToken(authorization.substring(BEARER.length()).trim()));
  }

  /** Server reflection: any authenticated caller; the order service: its {@link ApiOperation}. */
  private static boolean permitted(Authentication caller, String method) {
    if (method.startsWith("grpc.reflection.")) {
      return true;
    }
    Set<Role> allowed =
        ApiOperation.ofGrpc(method).map(ApiOperation::roles).orElse(Set.of(Role.OPERATOR));
    return caller.getAuthorities().stream()
        .anyMatch(
            granted ->
                allowed.stream().anyMatch(r -> r.authority().equals(granted.getAuthority())));
  }

  private static void within(SecurityContext context, Runnable step) {
    as(
        context,
        () -> {
          step.run();
          return null;
        });
  }

  private static <T> T as(SecurityContext context, Supplier<T> step) {
    SecurityContext before = SecurityContextHolder.getContext();
    SecurityContextHolder.setContext(context);
    try {
      return step.get();
    } finally {
      SecurityContextHolder.setContext(before);
    }
  }
}
