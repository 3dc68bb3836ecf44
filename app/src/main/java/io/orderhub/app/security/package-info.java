/**
 * Who may call the order API: JWT bearer tokens (OAuth2 resource server) on every REST route and
 * gRPC method, the roles of {@link io.orderhub.app.security.Role}, the table of {@link
 * io.orderhub.app.security.ApiOperation} (which role may do what, shared by REST and gRPC), the
 * ownership rule of {@link io.orderhub.app.security.CurrentCaller} (a customer sees only their own
 * orders) and, in the local profile only, a built-in token issuer ({@link
 * io.orderhub.app.security.LocalIssuer}). Payment callbacks stay HMAC-signed (see {@code payment}).
 */
package io.orderhub.app.security;
