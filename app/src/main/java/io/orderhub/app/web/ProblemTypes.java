package io.orderhub.app.web;

import java.net.URI;

/**
 * The {@code type} URIs of the problems the API answers with; stable, clients may switch on them.
 */
public final class ProblemTypes {

  public static final URI VALIDATION = URI.create("urn:orderhub:problem:validation");
  public static final URI NOT_FOUND = URI.create("urn:orderhub:problem:not-found");
  public static final URI ILLEGAL_TRANSITION =
      URI.create("urn:orderhub:problem:illegal-transition");
  public static final URI IDEMPOTENCY_KEY_REUSED =
      URI.create("urn:orderhub:problem:idempotency-key-reused");
  public static final URI ENGINE_UNAVAILABLE =
      URI.create("urn:orderhub:problem:engine-unavailable");

  /** An error the servlet container answered before the API saw the request. */
  public static final URI CONTAINER = URI.create("urn:orderhub:problem:bad-request");

  /** A payment callback whose signature is missing, wrong or too old. */
  public static final URI UNAUTHENTICATED_CALLBACK =
      URI.create("urn:orderhub:problem:unauthenticated-callback");

  /** A payment callback that contradicts what the provider said before. */
  public static final URI CONTRADICTORY_CALLBACK =
      URI.create("urn:orderhub:problem:contradictory-callback");

  private ProblemTypes() {}
}
