package dev.weft.server.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The services that exist without registration, carried out in the server's process. Only
 * {@code square}: interface {@code square(x) -> x*x}, input {@code {x: number}}, output a number.
 */
public final class BuiltinServices {
  private static final String SQUARE = """
      {"kind": "service", "name": "square", "version": "builtin",
       "description": "square(x) -> x*x, carried out in the server's process",
       "interface": {"operation": "square", "input": "{x: a number}", "output": "x*x"},
       "contract": {"input": {"type": "object", "required": ["x"], "properties": {"x": {"type": "number"}}},
                    "output": {"type": "number"}, "idempotent": true},
       "behaviour": {"builtin": "square"}}
      """;
  /** Declared before the definitions: reading them checks their builtin names against it. */
  private static final java.util.Set<String> NAMES = java.util.Set.of("square");
  private static final Map<String, ServiceDefinition> ALL = Map.of("square", read(SQUARE));

  private BuiltinServices() {}

  /** The builtin of that name, or empty. */
  public static Optional<ServiceDefinition> find(String name) {
    return Optional.ofNullable(ALL.get(name));
  }

  public static boolean exists(String name) {
    return NAMES.contains(name);
  }

  private static ServiceDefinition read(String text) {
    try {
      JsonNode doc = new ObjectMapper().readTree(text);
      return ServiceReader.read(doc);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
