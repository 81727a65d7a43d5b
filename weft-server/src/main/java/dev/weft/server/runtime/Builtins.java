package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.weft.workflow.decide.Command;

/** Builtin services carried out in process. Only {@code square}: {@code with.x} (or a bare number) squared. */
final class Builtins {
  private Builtins() {}

  /** Carries out the call with the builtin named {@code builtin}. */
  static JsonNode call(String builtin, Command.CallService c) throws CommandFault {
    if (!builtin.equals("square")) {
      throw new CommandFault("runtime", 501, "Not supported", "no builtin named '" + builtin + "' (builtins: square)", c.step());
    }
    JsonNode with = c.with();
    JsonNode x = with == null ? null : with.isNumber() ? with : firstNumber(with);
    if (x == null) {
      throw new CommandFault("validation", 400, "Bad argument", "square needs a number in with.x", c.step());
    }
    if (x.isIntegralNumber()) {
      return JsonNodeFactory.instance.numberNode(x.bigIntegerValue().multiply(x.bigIntegerValue()));
    }
    return JsonNodeFactory.instance.numberNode(x.decimalValue().multiply(x.decimalValue()));
  }

  private static JsonNode firstNumber(JsonNode with) {
    if (with.path("x").isNumber()) {
      return with.get("x");
    }
    for (JsonNode v : with) {
      if (v.isNumber()) {
        return v;
      }
    }
    return null;
  }
}
