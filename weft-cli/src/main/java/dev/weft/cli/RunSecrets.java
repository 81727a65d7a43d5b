package dev.weft.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.weft.server.secrets.SecretSource;
import dev.weft.workflow.plan.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The secrets of {@code weft run}: a {@code --secrets} file (JSON or YAML object), then {@code WEFT_SECRET_<NAME>} variables. */
final class RunSecrets {
  private RunSecrets() {}

  static SecretSource source(Path file) throws IOException {
    SecretSource env = SecretSource.environment(System.getenv());
    if (file == null) {
      return env;
    }
    JsonNode values;
    try {
      values = new YAMLMapper().readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      throw new IOException(file + " is not JSON or YAML: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IOException("cannot read " + file + " (" + e.getClass().getSimpleName() + ")", e);
    }
    if (values == null || !values.isObject()) {
      throw new IOException(file + " must hold an object of secret names to values");
    }
    Map<String, JsonNode> map = new HashMap<>();
    values.properties().forEach(e -> map.put(e.getKey(), e.getValue()));
    return SecretSource.of(map).orElse(env);
  }

  /** A message naming the first secret the document declares and no source has, if any. */
  static Optional<String> missing(Plan plan, SecretSource source) {
    for (String name : plan.declaredSecrets()) {
      if (source.secret(name).isEmpty()) {
        return Optional.of("secret '" + name + "' is declared in use.secrets but not given (--secrets FILE or "
            + SecretSource.variable(name) + ")");
      }
    }
    return Optional.empty();
  }
}
