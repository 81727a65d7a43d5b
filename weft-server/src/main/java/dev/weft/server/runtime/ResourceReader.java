package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.weft.workflow.read.Problem;
import dev.weft.workflow.read.WorkflowReader;
import dev.weft.workflow.read.WorkflowValidationException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads the text of a resource a document names and that is fetched when its definition is
 * stored (an external JSON Schema, a catalog's function): {@code http(s)} through
 * {@link HttpCaller#fetch} (host redirects, redirections followed, the endpoint's
 * authentication), or {@code file:} (a relative path is read from the working directory).
 * Nothing is evaluated at that time, so an authentication must be written literally, or named
 * by {@code use:}.
 */
final class ResourceReader {
  private static final YAMLMapper YAML = new YAMLMapper();
  private final HttpCaller http;

  ResourceReader(HttpCaller http) {
    this.http = http;
  }

  /**
   * The text at {@code uri}.
   *
   * @param authentication the literal policy, or null
   * @throws IllegalArgumentException saying why it cannot be read (no URI, another scheme, an HTTP fault, no such file)
   */
  String read(String uri, JsonNode authentication) {
    URI parsed;
    try {
      parsed = URI.create(uri);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a URI (" + e.getMessage() + ")");
    }
    String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
    return switch (scheme) {
      case "file" -> readFile(parsed);
      case "http", "https" -> {
        try {
          yield http.fetch(uri, authentication, "");
        } catch (CommandFault f) {
          throw new IllegalArgumentException(f.error().path("title").asText() + " (" + f.error().path("detail").asText() + ")");
        }
      }
      default -> throw new IllegalArgumentException("only http, https and file endpoints are read");
    };
  }

  /**
   * The endpoint's literal policy ({@code use:} looked up in {@code use.authentications}), or
   * null when it has none; expressions cannot be evaluated when a definition is stored.
   *
   * @param what what is fetched, for the message ("schemas", "catalog functions")
   * @throws IllegalArgumentException when the named policy is missing or the policy holds an expression
   */
  static JsonNode authentication(JsonNode document, JsonNode endpoint, String what) {
    JsonNode auth = endpoint.path("authentication");
    if (auth.has("use")) {
      auth = document.at("/use/authentications").path(auth.path("use").asText());
      if (auth.isMissingNode()) {
        throw new IllegalArgumentException("use.authentications has no policy named '" + endpoint.at("/authentication/use").asText() + "'");
      }
    }
    if (auth.toString().contains("${")) {
      throw new IllegalArgumentException("its authentication holds an expression, but " + what + " are fetched when the"
          + " definition is stored, where nothing is evaluated: write the policy literally");
    }
    return auth.isMissingNode() ? null : auth;
  }

  /**
   * The document to store once what was fetched is written into {@code resolved}: YAML headed by
   * {@code text}'s own leading comments (an earlier step's) and {@code header}, which names what
   * came from where.
   *
   * @throws WorkflowValidationException with {@code problems} (their lines found in {@code text}) when there are any
   */
  static String stored(String text, CharSequence header, JsonNode resolved, List<Problem> problems) {
    if (!problems.isEmpty()) {
      throw new WorkflowValidationException(WorkflowReader.withLines(text, problems));
    }
    try {
      return leadingComments(text) + header + YAML.writeValueAsString(resolved);
    } catch (IOException e) {
      throw new IllegalStateException("a document tree always writes as YAML", e);
    }
  }

  /** The comment lines {@code text} starts with (what an earlier step of storing wrote there), each ended by a newline. */
  private static String leadingComments(String text) {
    StringBuilder kept = new StringBuilder();
    for (String line : text.lines().toList()) {
      if (!line.startsWith("#")) {
        break;
      }
      kept.append(line).append('\n');
    }
    return kept.toString();
  }

  /** The URI an endpoint names: the string itself, or its {@code uri}. */
  static String uri(JsonNode endpoint) {
    return endpoint.isTextual() ? endpoint.asText() : endpoint.path("uri").asText();
  }

  private static String readFile(URI uri) {
    Path path = uri.isOpaque() ? Path.of(uri.getSchemeSpecificPart()) : Path.of(uri);
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      String why = e instanceof java.nio.file.NoSuchFileException ? "no such file"
          : e instanceof java.nio.file.AccessDeniedException ? "permission denied" : String.valueOf(e.getMessage());
      throw new IllegalArgumentException("cannot read " + path.toAbsolutePath() + " (" + why + ")");
    }
  }
}
