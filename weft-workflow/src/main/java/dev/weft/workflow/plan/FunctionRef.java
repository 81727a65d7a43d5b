package dev.weft.workflow.plan;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code call:} names when it is not one of the DSL's protocols: a custom function, either by
 * name alone ({@code square}: the runtime picks the version) or in the DSL's catalog form
 * {@code NAME:VERSION@CATALOG} ({@code square:1.0.0@default}). The catalog {@code default} is the
 * runtime's own; any other must be declared under {@code use.catalogs}.
 *
 * @param version null when the call names no version
 * @param catalog null when the call names no catalog
 */
public record FunctionRef(String name, String version, String catalog) {
  /** The reserved name of the runtime's own catalog. */
  public static final String DEFAULT_CATALOG = "default";
  /** The DSL's call protocols: everything else is a function. */
  public static final Set<String> PROTOCOLS = Set.of("http", "grpc", "openapi", "asyncapi", "a2a", "mcp");
  private static final Pattern CATALOGUED = Pattern.compile("([^:@\\s]+):([^:@\\s]+)@([^:@\\s]+)");

  /**
   * Reads a {@code call:} value that is not a protocol.
   *
   * @throws IllegalArgumentException saying which form was expected, when {@code call} has a
   *     {@code :} or {@code @} and is not {@code NAME:VERSION@CATALOG}
   */
  public static FunctionRef parse(String call) {
    if (call.indexOf(':') < 0 && call.indexOf('@') < 0) {
      return new FunctionRef(call, null, null);
    }
    Matcher m = CATALOGUED.matcher(call);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + call + "' is neither a function name nor NAME:VERSION@CATALOG"
          + " (a versioned call names its catalog, e.g. square:1.0.0@default)");
    }
    return new FunctionRef(m.group(1), m.group(2), m.group(3));
  }

  /** The version, when the call names one. */
  public Optional<String> pinnedVersion() {
    return Optional.ofNullable(version);
  }

  /** Whether the function is the runtime's own (by name alone, or in the catalog {@code default}). */
  public boolean runtimeOwn() {
    return catalog == null || catalog.equals(DEFAULT_CATALOG);
  }
}
