/** Writing events into the outbox, and relaying them out of it. */
package io.orderhub.domain.outbox.application;
