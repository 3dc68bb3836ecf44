/**
 * The stock API under {@code /api/stock}: what each warehouse holds, available and reserved, and
 * stock counts that replenish it.
 */
package io.orderhub.app.stock;
