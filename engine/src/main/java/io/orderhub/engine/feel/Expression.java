package io.orderhub.engine.feel;

import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * A property value from a BPMN model: either a static string or a FEEL expression (written with a
 * leading {@code =}), parsed once at deploy time.
 */
public final class Expression {

  private final String source;
  private final ParsedExpression parsed;

  private Expression(String source, ParsedExpression parsed) {
    this.source = source;
    this.parsed = parsed;
  }

  static Expression feel(String source, ParsedExpression parsed) {
    return new Expression(source, parsed);
  }

  static Expression staticValue(String value) {
    return new Expression(value, null);
  }

  public boolean isFeel() {
    return parsed != null;
  }

  /** The text as written in the model, without the leading {@code =} for FEEL. */
  public String source() {
    return source;
  }

  ParsedExpression parsed() {
    return parsed;
  }

  @Override
  public String toString() {
    return isFeel() ? "=" + source : source;
  }
}
