package dev.weft.store;

import java.util.Locale;

/** Which output of a task a log is: its standard output or its standard error. */
public enum TaskStream {
  STDOUT, STDERR;

  /** The lower-case name used in the API and the database ({@code stdout}, {@code stderr}). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The stream named {@code label} (case-insensitive).
   *
   * @throws IllegalArgumentException for any other name, naming the ones known
   */
  public static TaskStream of(String label) {
    for (TaskStream s : values()) {
      if (s.label().equalsIgnoreCase(label)) {
        return s;
      }
    }
    throw new IllegalArgumentException("expected stdout or stderr, got '" + label + "'");
  }
}
