package io.orderhub.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import io.grpc.Status;
import java.util.concurrent.CompletionException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Asserts how the official client reports a rejection: the HTTP status of the problem over REST,
 * the gRPC status code over gRPC. The two are asserted together because Camunda documents them
 * together (e.g. INVALID_ARGUMENT / 400, FAILED_PRECONDITION / 409).
 */
public final class Rejected {

  private Rejected() {}

  /** Runs the call, expects it to fail as documented, and returns the failure's message. */
  public static String by(
      Transport transport, ThrowingCallable call, int httpStatus, Status.Code grpcCode) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).as("expected the call to be rejected").isNotNull();
    Throwable cause =
        thrown instanceof CompletionException && thrown.getCause() != null
            ? thrown.getCause()
            : thrown;
    if (transport == Transport.REST) {
      assertThat(cause).isInstanceOf(ProblemException.class);
      assertThat(((ProblemException) cause).code()).as(cause.getMessage()).isEqualTo(httpStatus);
    } else {
      assertThat(cause).isInstanceOf(ClientStatusException.class);
      assertThat(((ClientStatusException) cause).getStatusCode())
          .as(cause.getMessage())
          .isEqualTo(grpcCode);
    }
    return cause.getMessage();
  }
}
