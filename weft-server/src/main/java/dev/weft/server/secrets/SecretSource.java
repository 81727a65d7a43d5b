package dev.weft.server.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Where secret values come from. A workflow sees, as {@code $secrets}, only the names its
 * document declares in {@code use.secrets}, looked up here at each decision; they are never
 * persisted in clear (see {@link SecretMask}).
 */
@FunctionalInterface
public interface SecretSource {
  /** The value of the secret, or empty when this source does not have it. Must not throw for an unknown name. */
  Optional<JsonNode> secret(String name);

  /** The declared names this source has, as the {@code $secrets} object. */
  default ObjectNode lookUp(Collection<String> names) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (String name : names) {
      secret(name).ifPresent(v -> out.set(name, v));
    }
    return out;
  }

  /** This source, then {@code other} for the names it does not have. */
  default SecretSource orElse(SecretSource other) {
    return name -> secret(name).or(() -> other.secret(name));
  }

  static SecretSource none() {
    return name -> Optional.empty();
  }

  /** Fixed values, e.g. read from a file. */
  static SecretSource of(Map<String, JsonNode> values) {
    Map<String, JsonNode> copy = Map.copyOf(values);
    return name -> Optional.ofNullable(copy.get(name));
  }

  /**
   * Environment variables {@code WEFT_SECRET_<NAME>}, where NAME is the secret's name in upper
   * case with every character other than a letter or digit replaced by {@code _}
   * ({@code apiKey} is {@code WEFT_SECRET_APIKEY}); the value is text.
   */
  static SecretSource environment(Map<String, String> env) {
    Map<String, String> copy = Map.copyOf(env);
    return name -> Optional.ofNullable(copy.get(variable(name))).map(JsonNodeFactory.instance::textNode);
  }

  static String variable(String name) {
    return "WEFT_SECRET_" + name.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }
}
