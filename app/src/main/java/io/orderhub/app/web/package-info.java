/**
 * What REST answers when a request fails: an RFC 7807 problem (Spring's {@code ProblemDetail},
 * {@code application/problem+json}) for every error, naming the offending fields in {@code errors}
 * and, for an illegal transition, the order's {@code currentState}.
 */
package io.orderhub.app.web;
