package io.orderhub.engine.gateway.grpc;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass;
import io.grpc.stub.ServerCallStreamObserver;
import io.orderhub.engine.api.ActivatedJob;
import io.orderhub.engine.api.JobStream;
import io.orderhub.engine.api.JobStreamConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bridges one StreamActivatedJobs call to an engine job stream. The engine pushes from its own
 * thread while gRPC cancels from another, hence the lock: a StreamObserver is not thread-safe, and
 * the engine stream must be closed exactly once, even if the client left before it was opened.
 */
final class JobStreamSink implements JobStreamConsumer {

  private static final Logger LOG = LoggerFactory.getLogger(JobStreamSink.class);

  private final ServerCallStreamObserver<GatewayOuterClass.ActivatedJob> call;
  private JobStream stream;
  private boolean closed;

  JobStreamSink(ServerCallStreamObserver<GatewayOuterClass.ActivatedJob> call) {
    this.call = call;
    // with a cancel handler set, gRPC also stops throwing from onNext after a cancel
    call.setOnCancelHandler(this::close);
  }

  /** Refusing (false) makes the engine yield the job so another worker can take it. */
  @Override
  public synchronized boolean push(ActivatedJob job) {
    if (closed || call.isCancelled() || !call.isReady()) {
      return false;
    }
    final GatewayOuterClass.ActivatedJob message;
    try {
      message = GrpcMapping.job(job);
    } catch (RuntimeException e) {
      // an engine value JSON cannot express: an engine bug, but never worth killing the stream
      LOG.warn("Cannot send job {} to stream; yielding it", job.key(), e);
      return false;
    }
    call.onNext(message);
    return true;
  }

  void attach(JobStream opened) {
    synchronized (this) {
      if (!closed) {
        stream = opened;
        return;
      }
    }
    opened.close();
  }

  synchronized void fail(Throwable failure) {
    if (!closed) {
      closed = true;
      call.onError(GrpcErrors.toStatus(failure));
    }
  }

  /** Closes the engine stream outside the lock: the engine may be pushing while it closes. */
  private void close() {
    final JobStream toClose;
    synchronized (this) {
      closed = true;
      toClose = stream;
      stream = null;
    }
    if (toClose != null) {
      toClose.close();
    }
  }
}
