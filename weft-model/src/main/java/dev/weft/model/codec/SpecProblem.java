package dev.weft.model.codec;

import java.util.Objects;

/**
 * One mistake in a spec document.
 *
 * @param pointer where it is, as a JSON pointer ({@code /nodes/3/capacity/memory}); empty for the
 *     whole document
 * @param line the 1-based line in the source text, 0 when unknown
 * @param message what is wrong, in one line, naming the bad value where there is one
 */
public record SpecProblem(String pointer, int line, String message) {
  public SpecProblem {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
    line = Math.max(line, 0);
  }

  /** One line, {@code source:line pointer: message}; the root pointer shows as {@code /}. */
  public String format(String source) {
    String place = line > 0 ? source + ":" + line : source;
    return place + " " + (pointer.isEmpty() ? "/" : pointer) + ": " + message;
  }
}
