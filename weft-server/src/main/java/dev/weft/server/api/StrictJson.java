package dev.weft.server.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.List;

/**
 * Reads request bodies strictly: unknown fields, wrong types (no "1" for 1, no 1.5 for an
 * integer), duplicate keys and trailing content are 400s whose error names the field by JSON
 * pointer. Also the mapper every response is written with.
 */
public final class StrictJson {
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .withCoercionConfig(LogicalType.Textual, c -> {
        c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        c.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        c.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
      })
      .build();

  private StrictJson() {}

  /**
   * Parses {@code body} as a {@code type}.
   *
   * @throws ProblemException 400 naming the field at fault
   */
  public static <T> T read(byte[] body, Class<T> type) {
    if (body.length == 0) {
      throw ProblemException.badRequest(FieldError.at("", "the request body is empty; a JSON object is expected"));
    }
    try {
      T value = MAPPER.readValue(body, type);
      if (value == null) {
        throw ProblemException.badRequest(FieldError.at("", "a JSON object is expected, not null"));
      }
      return value;
    } catch (JsonProcessingException e) {
      throw ProblemException.badRequest(error(e));
    } catch (IOException e) {
      throw ProblemException.badRequest(FieldError.at("", "the body cannot be read: " + e.getMessage()));
    }
  }

  /** The field at fault and a message without Jackson's class names. */
  static FieldError error(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      return FieldError.at(pointer(u.getPath()), "unknown field '" + u.getPropertyName() + "'; known fields: "
          + u.getKnownPropertyIds());
    }
    if (e instanceof InvalidFormatException f) {
      return FieldError.at(pointer(f.getPath()), "wrong type: expected " + describe(f.getTargetType())
          + ", got " + describeValue(f.getValue()));
    }
    if (e instanceof MismatchedInputException m) {
      return FieldError.at(pointer(m.getPath()), "wrong type: expected " + describe(m.getTargetType()));
    }
    if (e instanceof StreamConstraintsException || e.getCause() instanceof StreamConstraintsException) {
      return FieldError.at(e instanceof JsonMappingException m ? pointer(m.getPath()) : "",
          "the JSON is too large or nested too deeply (at most 1000 levels)");
    }
    if (e instanceof JsonMappingException m) {
      return FieldError.at(pointer(m.getPath()), m.getOriginalMessage());
    }
    String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
        + ", column " + e.getLocation().getColumnNr();
    return FieldError.at("", "not valid JSON" + where + ": " + e.getOriginalMessage());
  }

  static String pointer(List<JsonMappingException.Reference> path) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : path) {
      sb.append('/');
      if (r.getFieldName() != null) {
        sb.append(r.getFieldName().replace("~", "~0").replace("/", "~1"));
      } else {
        sb.append(r.getIndex());
      }
    }
    return sb.toString();
  }

  private static String describe(Class<?> t) {
    if (t == null) {
      return "another type";
    }
    if (t == Integer.class || t == int.class || t == Long.class || t == long.class) {
      return "an integer";
    }
    if (t == String.class) {
      return "a string";
    }
    if (t == Boolean.class || t == boolean.class) {
      return "a boolean";
    }
    if (t.isEnum()) {
      return "one of " + List.of(t.getEnumConstants());
    }
    return "an object";
  }

  private static String describeValue(Object v) {
    return v instanceof String s ? "\"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"" : String.valueOf(v);
  }
}
