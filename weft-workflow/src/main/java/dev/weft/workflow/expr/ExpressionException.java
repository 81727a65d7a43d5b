package dev.weft.workflow.expr;

/** A jq expression failed to compile or to evaluate; the decider turns it into an expression error. */
public final class ExpressionException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String expression;

  public ExpressionException(String expression, String message) {
    super(message);
    this.expression = expression;
  }

  public String expression() {
    return expression;
  }
}
