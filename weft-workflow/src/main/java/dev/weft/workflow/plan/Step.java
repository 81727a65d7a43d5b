package dev.weft.workflow.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One task of the document. Every step carries its {@link Common} part: name, pointer (the
 * stable step id), the {@code if} guard, the {@code then} directive and the data filters.
 */
public sealed interface Step {
  Common common();

  /**
   * @param name the task's name in its list
   * @param pointer JSON pointer of the task's definition, e.g. {@code /do/0/greet}
   * @param guard the {@code if} expression, or null
   * @param then {@code continue}, {@code exit}, {@code end}, a sibling's name, or null
   * @param inputFrom {@code input.from}, or null
   * @param outputAs {@code output.as}, or null
   * @param exportAs {@code export.as}, or null
   * @param timeoutMillis {@code timeout.after} (inline or from {@code use.timeouts}), 0 for none
   * @param schemas {@code input.schema}, {@code output.schema}, {@code export.schema}
   */
  record Common(String name, String pointer, String guard, String then, JsonNode inputFrom, JsonNode outputAs,
      JsonNode exportAs, long timeoutMillis, Schemas schemas) {}

  /** The compiled data schemas of a task or of the workflow (no {@code export} there); each null when absent. */
  record Schemas(DataSchema input, DataSchema output, DataSchema export) {
    public static final Schemas NONE = new Schemas(null, null, null);
  }

  record Do(Common common, TaskList body) implements Step {}

  record Set(Common common, JsonNode value) implements Step {}

  record Switch(Common common, List<Case> cases) implements Step {
    /** A case; {@code when} null is the default case. */
    public record Case(String name, String when, String then) {}
  }

  record For(Common common, String each, String in, String at, String whileExpr, TaskList body) implements Step {}

  record Try(Common common, TaskList body, Catch handler) implements Step {}

  /**
   * @param errorFilter fields an error must equal to be caught ({@code catch.errors.with}), or null for all
   * @param as the variable name the error is bound to (default {@code error})
   * @param retry the retry policy, or null
   * @param body {@code catch.do}, or null
   */
  record Catch(JsonNode errorFilter, String as, String when, String exceptWhen, RetryPolicy retry, TaskList body) {}

  record Raise(Common common, JsonNode error) implements Step {}

  record Fork(Common common, TaskList branches, boolean compete) implements Step {}

  /** A call: {@code function} is {@code http}, {@code grpc}, {@code openapi}, {@code asyncapi}, {@code a2a} or a named service. */
  record Call(Common common, String function, JsonNode with) implements Step {}

  /** A run: {@code kind} is {@code shell}, {@code workflow}, {@code container} or {@code script}. */
  record Run(Common common, String kind, JsonNode spec) implements Step {}

  record Wait(Common common, long millis) implements Step {}

  record Emit(Common common, JsonNode event) implements Step {}

  /**
   * @param to the event consumption strategy as written ({@code one}, {@code any}, {@code all}, {@code until})
   * @param read {@code data} (default), {@code envelope} or {@code raw}
   * @param foreach the tasks run for each consumed event, or null
   */
  record Listen(Common common, JsonNode to, String read, ForEach foreach) implements Step {}

  /**
   * A listen's {@code foreach}: {@code body} runs once per consumed event, the event bound to
   * {@code item} and its index to {@code at}; {@code outputAs} shapes each event's result.
   */
  record ForEach(String item, String at, TaskList body, JsonNode outputAs) {}
}
