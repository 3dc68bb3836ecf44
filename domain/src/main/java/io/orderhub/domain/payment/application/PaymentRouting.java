package io.orderhub.domain.payment.application;

import java.util.Objects;
import java.util.Optional;

/**
 * Which provider charges a payment. A new payment gets one {@link #choose() chosen} for it and
 * keeps it: retries and the refund go to its {@link #owner(Optional) owner}, never to another
 * provider, because a call that timed out may have taken effect there.
 */
public interface PaymentRouting {

  /** The name of the provider to charge a new payment. */
  String choose();

  /**
   * The provider owning a payment.
   *
   * @param name the payment's provider; empty for payments from before providers were named, which
   *     belong to the default provider
   * @throws IllegalStateException when no provider of that name is configured any more
   */
  PaymentProvider owner(Optional<String> name);

  /** Every payment goes to {@code provider}. */
  static PaymentRouting single(PaymentProvider provider) {
    Objects.requireNonNull(provider, "provider");
    return new PaymentRouting() {
      @Override
      public String choose() {
        return provider.name();
      }

      @Override
      public PaymentProvider owner(Optional<String> name) {
        if (name.isPresent() && !name.get().equals(provider.name())) {
          throw new IllegalStateException(
              "Expected payment provider "
                  + name.get()
                  + " to be configured, but there is only "
                  + provider.name());
        }
        return provider;
      }
    };
  }
}
