/**
 * How the application drives the BPMN processes — only through the Camunda client, never through
 * engine classes: deploying the models, starting each order's {@code order-fulfillment} instance
 * exactly once (inline after the order is persisted, and by a retry sweep when that failed), and
 * publishing the messages of the contract (cancellation, return, payment outcome).
 */
package io.orderhub.app.process;
