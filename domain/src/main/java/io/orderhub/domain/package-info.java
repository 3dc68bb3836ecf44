/**
 * The domain of Order Hub: one sub-package per bounded context — {@code order}, {@code inventory},
 * {@code payment}, {@code shipment} — each with {@code model} (rules, plain Java + JPA mapping),
 * {@code application} (use cases, one transaction each) and {@code infrastructure} (Spring Data
 * repositories, adapters, wiring); plus the transactional {@code outbox} and the {@code shared}
 * kernel of identifiers.
 *
 * <p>Each context owns one PostgreSQL schema (Flyway migrations in {@code db/migration}); no
 * context reads another's tables. Every state change of an aggregate appends its events to {@code
 * outbox.outbox_event} in the same transaction. Applications import {@link
 * io.orderhub.domain.DomainConfiguration}.
 */
package io.orderhub.domain;
