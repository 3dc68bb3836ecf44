/**
 * What operators watch: the engine's health as the application sees it, and the application's own
 * metrics (declared once, in {@link io.orderhub.app.observability.AppMeters}).
 */
package io.orderhub.app.observability;
