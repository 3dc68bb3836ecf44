/** The payment aggregate. JPA annotations map it directly; no Spring. */
package io.orderhub.domain.payment.model;
