package io.orderhub.engine.gateway.grpc;

import com.google.protobuf.Message;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Makes a request whose bytes are not its protobuf message that request's rejection
 * (INVALID_ARGUMENT naming the expected message). grpc-java parses requests before any handler or
 * interceptor runs, and a parse failure there escapes as UNKNOWN "Application error processing
 * RPC". So the service is served with raw bytes and parsed again one step later, inside a listener
 * that can answer the failure.
 */
final class UnparsableRequests {

  private UnparsableRequests() {}

  static ServerServiceDefinition rejectAsInvalidArgument(ServerServiceDefinition service) {
    final Map<String, String> requestTypes = new HashMap<>();
    for (ServerMethodDefinition<?, ?> method : service.getMethods()) {
      final MethodDescriptor<?, ?> descriptor = method.getMethodDescriptor();
      requestTypes.put(descriptor.getFullMethodName(), requestType(descriptor));
    }
    return ServerInterceptors.intercept(
        ServerInterceptors.useMarshalledMessages(service, new RawBytes()),
        new ParseFailureInterceptor(requestTypes));
  }

  private static String requestType(MethodDescriptor<?, ?> descriptor) {
    if (descriptor.getRequestMarshaller() instanceof MethodDescriptor.PrototypeMarshaller<?> proto
        && proto.getMessagePrototype() instanceof Message message) {
      return message.getDescriptorForType().getFullName();
    }
    return descriptor.getFullMethodName() + " request";
  }

  private record ParseFailureInterceptor(Map<String, String> requestTypes)
      implements ServerInterceptor {

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
        ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
      final String requestType =
          requestTypes.getOrDefault(
              call.getMethodDescriptor().getFullMethodName(), "request message");
      return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(
          next.startCall(call, headers)) {
        // listener callbacks of one call are serialised by grpc-java, so a plain field suffices
        private boolean rejected;

        @Override
        public void onMessage(Q message) {
          if (rejected) {
            return;
          }
          try {
            // the delegate parses the raw bytes into the message, then hands it to the stub
            super.onMessage(message);
          } catch (RuntimeException parseFailure) {
            rejected = true;
            call.close(
                Status.INVALID_ARGUMENT.withDescription(
                    "Expected a valid "
                        + requestType
                        + ", but the request could not be parsed: "
                        + reason(parseFailure)),
                new Metadata());
          }
        }

        @Override
        public void onHalfClose() {
          // the stub would report a missing request as INTERNAL; the call is already answered
          if (!rejected) {
            super.onHalfClose();
          }
        }
      };
    }

    private static String reason(Throwable failure) {
      // grpc-java wraps the protobuf exception in a generic "Invalid protobuf byte sequence"
      final Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
      return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }
  }

  /** The identity marshaller: the bytes as they arrived, at most the inbound message limit. */
  private static final class RawBytes implements MethodDescriptor.Marshaller<byte[]> {
    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return stream.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
