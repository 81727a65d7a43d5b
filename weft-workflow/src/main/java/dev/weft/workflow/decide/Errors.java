package dev.weft.workflow.decide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** RFC 7807 problem objects with the DSL's error types; {@code instance} is the step's pointer. */
public final class Errors {
  public static final String BASE = "https://serverlessworkflow.io/spec/1.0.0/errors/";

  private Errors() {}

  /** {@code kind} is one of configuration, validation, expression, authentication, authorization, timeout, communication, runtime. */
  public static ObjectNode of(String kind, int status, String title, String detail, String instance) {
    ObjectNode e = JsonNodeFactory.instance.objectNode();
    e.put("type", BASE + kind);
    e.put("status", status);
    e.put("title", title);
    if (detail != null) {
      e.put("detail", detail);
    }
    e.put("instance", instance);
    return e;
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
