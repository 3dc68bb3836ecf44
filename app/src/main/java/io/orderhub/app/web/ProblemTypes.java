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

  private ProblemTypes() {}
}
