package io.orderhub.engine.feel;

/** The value of an evaluated expression, or the reason it could not be evaluated. */
public record Evaluation(Object value, String failure) {

  static Evaluation success(Object value) {
    return new Evaluation(value, null);
  }

  static Evaluation failure(String message) {
    return new Evaluation(null, message);
  }

  public boolean failed() {
    return failure != null;
  }
}
