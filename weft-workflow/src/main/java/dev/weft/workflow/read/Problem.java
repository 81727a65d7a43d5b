package dev.weft.workflow.read;

/**
 * One thing wrong with a workflow document.
 *
 * @param pointer JSON pointer (RFC 6901) of the offending place, "" for the whole document
 * @param line the 1-based line of that place in the source text, 0 when unknown
 * @param message what is wrong, in words a workflow author understands
 */
public record Problem(String pointer, int line, String message) {
  /** A problem whose line is not known yet ({@link WorkflowReader} fills it in from the text). */
  public Problem(String pointer, String message) {
    this(pointer, 0, message);
  }

  public Problem withLine(int value) {
    return new Problem(pointer, value, message);
  }

  /** {@code source:line pointer: message}, the root pointer shown as {@code /}; the line is left out when unknown. */
  public String format(String source) {
    return (line > 0 ? source + ":" + line : source) + " " + this;
  }

  @Override
  public String toString() {
    return (pointer.isEmpty() ? "/" : pointer) + ": " + message;
  }
}
