package dev.weft.workflow.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.weft.workflow.read.WorkflowReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compiles a validated document into a {@link Plan}. Pure; the document is read, never changed. */
public final class PlanCompiler {
  private final JsonNode document;

  private PlanCompiler(JsonNode document) {
    this.document = document;
  }

  /** Reads, validates and compiles; throws {@link dev.weft.workflow.read.WorkflowValidationException} for an invalid document. */
  public static Plan compile(String text) {
    return compile(WorkflowReader.read(text));
  }

  /** Compiles a document that {@link WorkflowReader} has validated. */
  public static Plan compile(JsonNode document) {
    PlanCompiler c = new PlanCompiler(document);
    return new Plan(document, c.taskList(document.get("do"), "/do"), opt(document.at("/input/from")),
        opt(document.at("/output/as")), c.timeout(document.get("timeout"), "/timeout"),
        new Step.Schemas(DataSchema.compile(document.at("/input/schema"), "/input/schema"),
            DataSchema.compile(document.at("/output/schema"), "/output/schema"), null));
  }

  private TaskList taskList(JsonNode list, String pointer) {
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Map.Entry<String, JsonNode> e = list.get(i).fields().next();
      steps.add(step(e.getKey(), e.getValue(), pointer + "/" + i + "/" + escape(e.getKey())));
    }
    return new TaskList(pointer, steps);
  }

  private Step step(String name, JsonNode t, String at) {
    Step.Common c = new Step.Common(name, at, text(t.get("if")), text(t.get("then")), opt(t.at("/input/from")),
        opt(t.at("/output/as")), opt(t.at("/export/as")), timeout(t.get("timeout"), at + "/timeout"), schemas(t, at));
    if (t.has("call")) {
      return new Step.Call(c, t.get("call").asText(), t.path("with"));
    }
    if (t.has("for")) {
      JsonNode f = t.get("for");
      return new Step.For(c, f.path("each").asText("item"), f.path("in").asText(), f.path("at").asText("index"),
          text(t.get("while")), taskList(t.get("do"), at + "/do"));
    }
    if (t.has("do")) {
      return new Step.Do(c, taskList(t.get("do"), at + "/do"));
    }
    if (t.has("set")) {
      return new Step.Set(c, t.get("set"));
    }
    if (t.has("switch")) {
      List<Step.Switch.Case> cases = new ArrayList<>();
      t.get("switch").forEach(item -> item.fields().forEachRemaining(e ->
          cases.add(new Step.Switch.Case(e.getKey(), text(e.getValue().get("when")), text(e.getValue().get("then"))))));
      return new Step.Switch(c, cases);
    }
    if (t.has("try")) {
      return new Step.Try(c, taskList(t.get("try"), at + "/try"), handler(t.get("catch"), at + "/catch"));
    }
    if (t.has("raise")) {
      JsonNode error = t.at("/raise/error");
      return new Step.Raise(c, error.isTextual() ? document.at("/use/errors/" + escape(error.asText())) : error);
    }
    if (t.has("fork")) {
      return new Step.Fork(c, taskList(t.at("/fork/branches"), at + "/fork/branches"), t.at("/fork/compete").asBoolean(false));
    }
    if (t.has("run")) {
      JsonNode run = t.get("run");
      for (String kind : List.of("shell", "workflow", "container", "script")) {
        if (run.has(kind)) {
          return new Step.Run(c, kind, run);
        }
      }
    }
    if (t.has("wait")) {
      return new Step.Wait(c, Durations.millis(t.get("wait"), at + "/wait"));
    }
    if (t.has("emit")) {
      return new Step.Emit(c, t.at("/emit/event"));
    }
    if (t.has("listen")) {
      JsonNode each = t.get("foreach");
      Step.ForEach foreach = each == null ? null : new Step.ForEach(each.path("item").asText("item"), each.path("at").asText("index"),
          taskList(each.has("do") ? each.get("do") : JsonNodeFactory.instance.arrayNode(),
              at + "/foreach/do"), opt(each.at("/output/as")));
      return new Step.Listen(c, t.at("/listen/to"), t.at("/listen/read").asText("data"), foreach);
    }
    throw new IllegalArgumentException("not a task the validator accepts at " + at);
  }

  /** A {@code timeout}: inline {@code {after: ...}} or the name of one in {@code use.timeouts}; 0 when absent. */
  private long timeout(JsonNode timeout, String at) {
    if (timeout == null || timeout.isNull()) {
      return 0;
    }
    if (timeout.isTextual()) {
      return Durations.millis(document.at("/use/timeouts/" + escape(timeout.asText()) + "/after"), at);
    }
    return Durations.millis(timeout.get("after"), at + "/after");
  }

  private static Step.Schemas schemas(JsonNode t, String at) {
    DataSchema input = DataSchema.compile(t.at("/input/schema"), at + "/input/schema");
    DataSchema output = DataSchema.compile(t.at("/output/schema"), at + "/output/schema");
    DataSchema export = DataSchema.compile(t.at("/export/schema"), at + "/export/schema");
    return input == null && output == null && export == null ? Step.Schemas.NONE : new Step.Schemas(input, output, export);
  }

  private Step.Catch handler(JsonNode c, String at) {
    if (c == null) {
      return new Step.Catch(null, "error", null, null, null, null);
    }
    JsonNode retry = c.get("retry");
    if (retry != null && retry.isTextual()) {
      retry = document.at("/use/retries/" + escape(retry.asText()));
    }
    return new Step.Catch(opt(c.at("/errors/with")), c.path("as").asText("error"), text(c.get("when")),
        text(c.get("exceptWhen")), retry == null ? null : retry(retry, at + "/retry"), c.has("do") ? taskList(c.get("do"), at + "/do") : null);
  }

  private static RetryPolicy retry(JsonNode r, String at) {
    JsonNode b = r.path("backoff");
    RetryPolicy.Backoff backoff = b.has("exponential") ? RetryPolicy.Backoff.EXPONENTIAL
        : b.has("linear") ? RetryPolicy.Backoff.LINEAR : RetryPolicy.Backoff.CONSTANT;
    return new RetryPolicy(text(r.get("when")), text(r.get("exceptWhen")), Durations.millis(r.get("delay"), at + "/delay"),
        backoff, Durations.millis(r.at("/jitter/from"), at + "/jitter/from"), Durations.millis(r.at("/jitter/to"), at + "/jitter/to"),
        r.at("/limit/attempt/count").asInt(0), Durations.millis(r.at("/limit/duration"), at + "/limit/duration"),
        Durations.millis(r.at("/limit/attempt/duration"), at + "/limit/attempt/duration"));
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode() ? null : n.asText();
  }

  private static JsonNode opt(JsonNode n) {
    return n == null || n.isMissingNode() ? null : n;
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
