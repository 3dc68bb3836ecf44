package io.orderhub.domain.shared.model;

/** Argument checks for the short texts identifiers and reasons are made of. */
public final class Text {

  private Text() {}

  /** A non-blank token without surrounding whitespace, at most {@code maxLength} characters. */
  public static String requireToken(String value, String what, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Expected a " + what + ", but got '" + value + "'");
    }
    if (!value.strip().equals(value) || value.length() > maxLength) {
      throw new IllegalArgumentException(
          "Expected a "
              + what
              + " without surrounding blanks of at most "
              + maxLength
              + " characters, but got '"
              + value
              + "'");
    }
    return value;
  }

  /** A non-blank free text (a reason, a name), at most {@code maxLength} characters. */
  public static String requireText(String value, String what, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Expected a " + what + ", but got '" + value + "'");
    }
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(
          "Expected a "
              + what
              + " of at most "
              + maxLength
              + " characters, but got "
              + value.length());
    }
    return value;
  }
}
