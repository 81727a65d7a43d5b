package dev.weft.model.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Locale;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;

/** The text format of a spec document. Both formats carry the same tree. */
public enum Format {
  JSON(new JsonFactory()),
  YAML(YAMLFactory.builder().loaderOptions(largeDocuments()).build());

  /** Big enough for a generated cluster or a long task list written out (SnakeYAML allows 3 MB). */
  private static final int MAX_YAML_CODE_POINTS = 128 * 1024 * 1024;

  private final JsonFactory factory;

  Format(JsonFactory factory) {
    this.factory = factory;
  }

  JsonFactory factory() {
    return factory;
  }

  private static LoaderOptions largeDocuments() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_YAML_CODE_POINTS);
    return options;
  }

  /** From a file name's extension: {@code .json}, {@code .yaml} or {@code .yml}. */
  public static Optional<Format> ofFileName(String name) {
    String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".json")) {
      return Optional.of(JSON);
    }
    if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
      return Optional.of(YAML);
    }
    return Optional.empty();
  }

  /**
   * From the content: JSON when the first thing that is not blank opens an object or a list,
   * otherwise YAML (a superset of JSON, so nothing is refused for being guessed wrong).
   */
  public static Format detect(String text) {
    String start = text.stripLeading();
    return start.startsWith("{") || start.startsWith("[") ? JSON : YAML;
  }

  /** The format named by {@code sourceName}'s extension, else the one the content shows. */
  public static Format choose(String sourceName, String text) {
    return ofFileName(sourceName).orElseGet(() -> detect(text));
  }
}
