/**
 * Use cases of the order context, each one transaction: load the order, apply a verb, save it and
 * append its events to the outbox.
 */
package io.orderhub.domain.order.application;
