package dev.weft.workflow.plan;

import java.util.Locale;
import java.util.Optional;

/** The languages of {@code run: script} Weft runs: the DSL's {@code js} (also written {@code javascript}) and {@code python}. */
public enum ScriptLanguage {
  JS,
  PYTHON;

  /** The names a document may give, as the reader's error lists them. */
  public static final String NAMES = "js (or javascript), python";

  /** The language {@code name} names (any case), if Weft runs it. */
  public static Optional<ScriptLanguage> of(String name) {
    return switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
      case "js", "javascript" -> Optional.of(JS);
      case "python" -> Optional.of(PYTHON);
      default -> Optional.empty();
    };
  }
}
