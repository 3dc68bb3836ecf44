package io.orderhub.engine.gateway.grpc;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.orderhub.engine.security.AuthenticationException;
import io.orderhub.engine.security.Caller;
import io.orderhub.engine.security.EngineSecurity;

/**
 * The gRPC gateway's door. The official client sends its credentials (Basic or Bearer) as the
 * {@code authorization} metadata entry on every call; a call without accepted ones is closed
 * UNAUTHENTICATED before it reaches the service, and one whose caller lacks the method's permission
 * is closed PERMISSION_DENIED once its request (which may name the resource) has arrived.
 */
final class GrpcSecurity implements ServerInterceptor {

  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final EngineSecurity security;

  GrpcSecurity(EngineSecurity security) {
    this.security = security;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    Caller caller;
    try {
      caller = security.authenticate(headers.get(AUTHORIZATION));
    } catch (AuthenticationException e) {
      call.close(Status.UNAUTHENTICATED.withDescription(e.getMessage()), new Metadata());
      return new ServerCall.Listener<>() {};
    }
    if (caller.unrestricted()) {
      return next.startCall(call, headers);
    }
    String method = call.getMethodDescriptor().getFullMethodName();
    GrpcAccess.Requirement requirement = GrpcAccess.of(method);
    if (requirement == null) {
      call.close(
          Status.PERMISSION_DENIED.withDescription("No authorization is defined for " + method),
          new Metadata());
      return new ServerCall.Listener<>() {};
    }
    if (requirement.type() == null) {
      return next.startCall(call, headers);
    }
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(
        next.startCall(call, headers)) {
      // listener callbacks of one call are serialised by grpc-java, so a plain field suffices
      private boolean denied;

      @Override
      public void onMessage(Q message) {
        if (denied) {
          return;
        }
        String resourceId = requirement.resourceIdOf(message);
        if (!security.allowed(caller, requirement.type(), requirement.permission(), resourceId)) {
          denied = true;
          call.close(
              Status.PERMISSION_DENIED.withDescription(
                  "Insufficient permissions to perform operation '"
                      + requirement.permission()
                      + "' on resource '"
                      + requirement.type()
                      + "'"
                      + ("*".equals(resourceId) ? "" : " '" + resourceId + "'")
                      + " for '"
                      + caller.name()
                      + "'"),
              new Metadata());
          return;
        }
        super.onMessage(message);
      }

      @Override
      public void onHalfClose() {
        if (!denied) {
          super.onHalfClose();
        }
      }
    };
  }
}
