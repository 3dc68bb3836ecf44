/**
 * DMN decisions on the Apache-2.0 dmn-scala engine: reading {@code .dmn} resources at deploy time
 * and evaluating their decisions. Pure functions of their inputs, with no engine state; the
 * processing package turns their results into events.
 */
package io.orderhub.engine.decision;
