package dev.weft.workflow.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.workflow.plan.PlanCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the CTK scenarios through the decider and the in-test driver, which answers commands the
 * way a runtime would but has no network: every http and openapi call fails with a
 * communication error, so the scenarios that call petstore or httpbin cannot pass here. Steps
 * about the order in which tasks ran are not checked. This is not the conformance run of issue 4
 * ({@code weft conformance}, tested in weft-cli, runs all 21 through the runtime with Cucumber);
 * it guards the scenarios that pass through the decider alone against regressions.
 */
class CtkScenariosTest {
  private static final String FEATURES = "spec/serverless-workflow-1.0.3/ctk/features";
  /** Scenarios known to pass through the in-test driver; a regression fails the test. */
  private static final List<String> KNOWN_PASSING = List.of(
      "branch.feature: Fork Task With Competing Concurrent Sub Tasks",
      "data-flow.feature: Input Filtering",
      "do.feature: Task With Sequential Sub Tasks",
      "emit.feature: Emit Task",
      "flow.feature: Explicit Sequence Flow",
      "flow.feature: Implicit Sequence Flow",
      "for.feature: For Task",
      "raise.feature: Raise task with inline error",
      "set.feature: Set Task",
      "switch.feature: Switch task with explicit default case",
      "switch.feature: Switch task with implicit default case",
      "switch.feature: Switch task with matching case");

  record Scenario(String name, List<String> steps, List<String> docs) {}

  @Test
  void theCtkScenariosThatPassedBeforeStillPass() throws IOException {
    Path dir = Path.of(System.getProperty("weft.shared", "../shared"), FEATURES);
    assumeTrue(Files.isDirectory(dir), "CTK features not found at " + dir + "; skipping");
    Map<String, String> results = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".feature")).sorted().toList()) {
        for (Scenario s : scenarios(Files.readAllLines(f))) {
          results.put(f.getFileName() + ": " + s.name(), outcome(s));
        }
      }
    }
    long passed = results.values().stream().filter(String::isEmpty).count();
    results.forEach((name, why) -> System.out.println((why.isEmpty() ? "PASS " : "FAIL ") + name + (why.isEmpty() ? "" : " -- " + why)));
    System.out.println("CTK through the in-test driver: " + passed + " of " + results.size() + " scenarios match");
    List<String> nowPassing = results.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
    assertThat(nowPassing).containsAll(KNOWN_PASSING);
  }

  private static String outcome(Scenario s) {
    try {
      return check(s);
    } catch (RuntimeException | AssertionError e) {
      return e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    }
  }

  private static String check(Scenario s) {
    int doc = 0;
    Decider decider = new Decider(PlanCompiler.compile(s.docs().get(doc++)));
    String input = "{}";
    Command last = null;
    for (String step : s.steps()) {
      if (step.contains("the workflow input is")) {
        input = s.docs().get(doc++);
      } else if (step.contains("the workflow is executed")) {
        last = run(decider, input);
      } else if (step.contains("should complete with output")) {
        JsonNode expected = Driver.json(s.docs().get(doc++));
        if (!(last instanceof Command.Complete c) || !same(c.output(), expected)) {
          return "expected output " + expected + ", got " + last;
        }
      } else if (step.contains("should complete")) {
        if (!(last instanceof Command.Complete)) {
          return "expected completion, got " + last;
        }
      } else if (step.contains("should fault with error")) {
        JsonNode expected = Driver.json(s.docs().get(doc++));
        if (!(last instanceof Command.Fail f) || !contains(f.error(), expected)) {
          return "expected fault " + expected + ", got " + last;
        }
      } else if (step.contains("should fault")) {
        if (!(last instanceof Command.Fail)) {
          return "expected a fault, got " + last;
        }
      } else if (step.contains("should have properties")) {
        JsonNode out = output(last);
        for (String p : step.split("'")) {
          if (!p.isBlank() && !p.contains(" ") && !p.equals(",") && out.at("/" + p.replace('.', '/')).isMissingNode()) {
            return "output has no " + p + ": " + out;
          }
        }
      } else if (step.contains("property with value")) {
        String p = step.split("'")[1];
        JsonNode expected = Driver.json(s.docs().get(doc++));
        if (!same(output(last).at("/" + p.replace('.', '/')), expected)) {
          return p + " is not " + expected + " in " + output(last);
        }
      } else if (step.contains("property containing")) {
        String p = step.split("'")[1];
        int n = Integer.parseInt(step.replaceAll(".*containing (\\d+) items.*", "$1"));
        if (output(last).at("/" + p.replace('.', '/')).size() != n) {
          return p + " does not have " + n + " items";
        }
      }
    }
    return "";
  }

  private static JsonNode output(Command last) {
    return last instanceof Command.Complete c ? c.output() : JsonNodeFactory.instance.missingNode();
  }

  private static Command run(Decider decider, String input) {
    InstanceState state = InstanceState.initial("ctk-1");
    List<Event> queue = new ArrayList<>(List.of(new Event.Started(Driver.json(input), null)));
    long now = 0;
    for (int i = 0; i < queue.size() && i < 1000; i++) {
      Decision d = decider.decide(state, queue.get(i), now);
      state = d.state();
      for (Command c : d.commands()) {
        switch (c) {
          case Command.Complete done -> { return done; }
          case Command.Fail fail -> { return fail; }
          case Command.StartTimer t -> {
            now = Math.max(now, t.fireAtMillis());
            queue.add(new Event.TimerFired(t.id()));
          }
          case Command.Emit e -> {
            ObjectNode event = ((ObjectNode) e.event()).deepCopy();
            event.put("id", e.id()).put("specversion", "1.0").put("time", "1970-01-01T00:00:00Z");
            queue.add(new Event.CommandCompleted(e.id(), event));
          }
          case Command.CallHttp h -> queue.add(new Event.CommandFailed(h.id(), Errors.of("communication", 503,
              "No network", "the in-test driver does not send http requests", h.step())));
          case Command.CallOpenApi o -> queue.add(new Event.CommandFailed(o.id(), Errors.of("communication", 503,
              "No network", "the in-test driver does not send http requests", o.step())));
          default -> queue.add(new Event.CommandCompleted(c.id(), JsonNodeFactory.instance.nullNode()));
        }
      }
    }
    throw new AssertionError("did not finish");
  }

  private static boolean same(JsonNode a, JsonNode b) {
    return a.equals((x, y) -> x.isNumber() && y.isNumber() ? Double.compare(x.asDouble(), y.asDouble()) : x.equals(y) ? 0 : 1, b);
  }

  private static boolean contains(JsonNode actual, JsonNode expected) {
    var fields = expected.fields();
    while (fields.hasNext()) {
      var f = fields.next();
      if (!same(actual.path(f.getKey()), f.getValue())) {
        return false;
      }
    }
    return true;
  }

  static List<Scenario> scenarios(List<String> lines) {
    List<Scenario> out = new ArrayList<>();
    Scenario current = null;
    StringBuilder doc = null;
    int indent = 0;
    for (String line : lines) {
      String t = line.strip();
      if (doc != null) {
        if (t.equals("\"\"\"")) {
          current.docs().add(doc.toString());
          doc = null;
        } else {
          doc.append(line.length() >= indent ? line.substring(indent) : t).append('\n');
        }
      } else if (t.startsWith("Scenario:")) {
        current = new Scenario(t.substring("Scenario:".length()).strip(), new ArrayList<>(), new ArrayList<>());
        out.add(current);
      } else if (current != null && t.startsWith("\"\"\"")) {
        doc = new StringBuilder();
        indent = line.indexOf('"');
      } else if (current != null && t.matches("^(Given|And|When|Then|But) .*")) {
        current.steps().add(t);
      }
    }
    return out;
  }
}
