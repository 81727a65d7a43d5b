package dev.weft.cli.conformance;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestStepFinished;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A Cucumber plugin that keeps one {@link ScenarioResult} per finished scenario, with the first step that did not pass. */
final class ResultCollector implements ConcurrentEventListener {
  private final List<ScenarioResult> results = new ArrayList<>();
  private final Map<UUID, String> firstProblem = new HashMap<>();

  @Override
  public void setEventPublisher(EventPublisher publisher) {
    publisher.registerHandlerFor(TestStepFinished.class, this::stepFinished);
    publisher.registerHandlerFor(TestCaseFinished.class, this::caseFinished);
  }

  synchronized List<ScenarioResult> results() {
    return List.copyOf(results);
  }

  private synchronized void stepFinished(TestStepFinished e) {
    Result r = e.getResult();
    if (r.getStatus() == Status.PASSED || firstProblem.containsKey(e.getTestCase().getId())) {
      return;
    }
    String step = e.getTestStep() instanceof PickleStepTestStep p ? p.getStep().getText() : "a hook";
    String why = switch (r.getStatus()) {
      case UNDEFINED -> "no step definition for '" + step + "'";
      case SKIPPED -> "skipped at '" + step + "'";
      case PENDING -> "pending step '" + step + "'";
      case AMBIGUOUS -> "more than one step definition for '" + step + "'";
      default -> "'" + step + "': " + firstLine(r.getError());
    };
    firstProblem.put(e.getTestCase().getId(), why);
  }

  private synchronized void caseFinished(TestCaseFinished e) {
    TestCase c = e.getTestCase();
    String path = c.getUri().getPath();
    String feature = path == null ? c.getUri().toString() : path.substring(path.lastIndexOf('/') + 1);
    boolean passed = e.getResult().getStatus() == Status.PASSED;
    results.add(new ScenarioResult(feature, c.getName(), passed,
        passed ? "" : firstProblem.getOrDefault(c.getId(), e.getResult().getStatus().name().toLowerCase(java.util.Locale.ROOT))));
  }

  private static String firstLine(Throwable t) {
    if (t == null) {
      return "failed";
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return m.lines().findFirst().orElse(m);
  }
}
