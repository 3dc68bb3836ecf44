package io.orderhub.domain.order.model;

import io.orderhub.domain.shared.model.Text;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Locale;

/** Where the parcels go. {@code countryCode} is ISO 3166-1 alpha-2, upper case. */
@Embeddable
public record ShippingAddress(
    @Column(name = "ship_recipient", nullable = false) String recipient,
    @Column(name = "ship_street", nullable = false) String street,
    @Column(name = "ship_city", nullable = false) String city,
    @Column(name = "ship_postal_code", nullable = false) String postalCode,
    @Column(name = "ship_country_code", nullable = false) String countryCode) {

  public ShippingAddress {
    Text.requireText(recipient, "recipient", 200);
    Text.requireText(street, "street", 200);
    Text.requireText(city, "city", 100);
    Text.requireToken(postalCode, "postal code", 20);
    if (countryCode == null || !countryCode.matches("[A-Z]{2}")) {
      throw new IllegalArgumentException(
          "Expected a two-letter upper-case country code, but got '" + countryCode + "'");
    }
    if (!java.util.Set.of(Locale.getISOCountries()).contains(countryCode)) {
      throw new IllegalArgumentException(
          "Expected an ISO 3166 country code, but got '" + countryCode + "'");
    }
  }
}
