/**
 * What the gateways call: the engine's commands and their results, free of any wire format. The
 * gRPC and REST gateways translate requests into these calls and the results back.
 */
package io.orderhub.engine.api;
