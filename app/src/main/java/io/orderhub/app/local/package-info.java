/**
 * What the {@code local} profile embeds so that one command runs everything: the engine ({@code
 * orderhub.engine.embedded}), PostgreSQL from the embedded binaries ({@code
 * orderhub.postgres.embedded}) and demo stock ({@code orderhub.demo.seed-stock}). Each is a switch
 * of its own; production runs with all three off and the standard Boot/Camunda client properties.
 */
package io.orderhub.app.local;
