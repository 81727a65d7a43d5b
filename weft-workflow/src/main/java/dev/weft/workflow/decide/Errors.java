package dev.weft.workflow.decide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** RFC 7807 problem objects with the DSL's error types; {@code instance} is the step's pointer. */
public final class Errors {
  public static final String BASE = "https://serverlessworkflow.io/spec/1.0.0/errors/";
  /**
   * The spelling of the standard types the CTK uses ({@code try.feature} catches
   * {@code .../dsl/errors/types/communication}); Weft gives communication errors this type and
   * treats both spellings of a standard type as the same type when matching errors.
   */
  public static final String CTK_BASE = "https://serverlessworkflow.io/dsl/errors/types/";

  private Errors() {}

  /** {@code kind} is one of configuration, validation, expression, authentication, authorization, timeout, communication, runtime. */
  public static ObjectNode of(String kind, int status, String title, String detail, String instance) {
    ObjectNode e = JsonNodeFactory.instance.objectNode();
    e.put("type", type(kind));
    e.put("status", status);
    e.put("title", title);
    if (detail != null) {
      e.put("detail", detail);
    }
    e.put("instance", instance);
    return e;
  }

  /** The type URI of a standard error kind: the CTK's spelling for communication, dsl.md's for the others. */
  public static String type(String kind) {
    return (kind.equals("communication") ? CTK_BASE : BASE) + kind;
  }

  /** Whether two error types are the same, counting both spellings of a standard type as one. */
  public static boolean sameType(String a, String b) {
    return standardKind(a).equals(standardKind(b));
  }

  private static String standardKind(String type) {
    if (type.startsWith(BASE)) {
      return "standard:" + type.substring(BASE.length());
    }
    return type.startsWith(CTK_BASE) ? "standard:" + type.substring(CTK_BASE.length()) : type;
  }

  /** The error with an {@code instance}, defaulting to the given pointer. */
  public static JsonNode withInstance(JsonNode error, String pointer) {
    if (error.isObject() && !error.hasNonNull("instance")) {
      ObjectNode copy = ((ObjectNode) error).deepCopy();
      copy.put("instance", pointer);
      return copy;
    }
    return error;
  }
}
