package dev.weft.workflow.read;

/**
 * One thing wrong with a workflow document.
 *
 * @param pointer JSON pointer (RFC 6901) of the offending place, "" for the whole document
 * @param message what is wrong, in words a workflow author understands
 */
public record Problem(String pointer, String message) {
  @Override
  public String toString() {
    return (pointer.isEmpty() ? "/" : pointer) + ": " + message;
  }
}
