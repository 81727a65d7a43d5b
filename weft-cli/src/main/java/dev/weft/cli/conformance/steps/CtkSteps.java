package dev.weft.cli.conformance.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.weft.cli.conformance.WorkflowRunner;
import dev.weft.cli.conformance.WorkflowRunner.Execution;
import dev.weft.store.InstanceStatus;
import dev.weft.workflow.read.WorkflowValidationException;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CTK's steps (its README, "Steps": arrange, act, assert) against Weft's runtime. A failed
 * check throws an {@link AssertionError} whose first line says what was expected and what came.
 */
public final class CtkSteps {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

  private final WorkflowRunner runner;
  private String definition;
  private JsonNode input = JsonNodeFactory.instance.objectNode();
  private Execution execution;

  public CtkSteps(WorkflowRunner runner) {
    this.runner = runner;
  }

  @Given("a workflow with definition:")
  public void aWorkflowWithDefinition(String document) {
    definition = document;
  }

  @Given("given the workflow input is:")
  public void theWorkflowInputIs(String yaml) {
    input = yaml(yaml, "workflow input");
  }

  @When("the workflow is executed")
  public void theWorkflowIsExecuted() {
    if (definition == null) {
      throw new AssertionError("no workflow was defined before 'the workflow is executed'");
    }
    try {
      execution = runner.execute(definition, input);
    } catch (WorkflowValidationException e) {
      throw new AssertionError("the workflow is not valid: " + String.join("; ", e.problems().stream().map(Object::toString).toList()));
    }
  }

  @Then("the workflow should complete")
  public void theWorkflowShouldComplete() {
    expectStatus(InstanceStatus.COMPLETED);
  }

  @Then("the workflow should complete with output:")
  public void theWorkflowShouldCompleteWithOutput(String yaml) {
    expectStatus(InstanceStatus.COMPLETED);
    JsonNode expected = yaml(yaml, "expected output");
    if (!JsonMatch.same(execution.result().output(), expected)) {
      throw new AssertionError("expected output " + expected + ", got " + execution.result().output());
    }
  }

  @Then("the workflow should fault")
  public void theWorkflowShouldFault() {
    expectStatus(InstanceStatus.FAILED);
  }

  @Then("the workflow should fault with error:")
  public void theWorkflowShouldFaultWithError(String yaml) {
    expectStatus(InstanceStatus.FAILED);
    JsonNode expected = yaml(yaml, "expected error");
    if (!JsonMatch.contains(execution.result().error(), expected)) {
      throw new AssertionError("expected an error with " + expected + ", got " + execution.result().error());
    }
  }

  @Then("the workflow should cancel")
  public void theWorkflowShouldCancel() {
    expectStatus(InstanceStatus.CANCELLED);
  }

  @Then("^the workflow output should have properties (.+)$")
  public void theWorkflowOutputShouldHaveProperties(String list) {
    JsonNode out = output();
    Matcher m = QUOTED.matcher(list);
    List<String> missing = new ArrayList<>();
    while (m.find()) {
      if (JsonMatch.at(out, m.group(1)).isMissingNode()) {
        missing.add(m.group(1));
      }
    }
    if (!missing.isEmpty()) {
      throw new AssertionError("the output has no " + String.join(", ", missing) + ": " + out);
    }
  }

  @Then("^the workflow output should have a '([^']+)' property with value:$")
  public void theWorkflowOutputShouldHaveAPropertyWithValue(String path, String yaml) {
    JsonNode actual = JsonMatch.at(output(), path);
    JsonNode expected = yaml(yaml, "expected value");
    if (!JsonMatch.same(actual, expected)) {
      throw new AssertionError("expected " + path + " = " + expected + ", got " + (actual.isMissingNode() ? "nothing" : actual));
    }
  }

  @Then("^the workflow output should have a '([^']+)' property containing (\\d+) items$")
  public void theWorkflowOutputShouldHaveAPropertyContainingItems(String path, int count) {
    JsonNode actual = JsonMatch.at(output(), path);
    if ((!actual.isArray() && !actual.isObject()) || actual.size() != count) {
      throw new AssertionError("expected " + path + " to hold " + count + " items, got " + (actual.isMissingNode() ? "nothing" : actual));
    }
  }

  @Then("^(\\S+) should run first$")
  public void shouldRunFirst(String task) {
    List<String> ran = ran(task);
    if (!ran.getFirst().equals(task)) {
      throw new AssertionError("expected " + task + " to run first; the tasks ran in the order " + ran);
    }
  }

  @Then("^(\\S+) should run last$")
  public void shouldRunLast(String task) {
    List<String> ran = ran(task);
    if (!ran.getLast().equals(task)) {
      throw new AssertionError("expected " + task + " to run last; the tasks ran in the order " + ran);
    }
  }

  @Then("^(\\S+) should run after (\\S+)$")
  public void shouldRunAfter(String later, String earlier) {
    List<String> ran = ran(later);
    ran(earlier);
    if (ran.indexOf(later) <= ran.indexOf(earlier)) {
      throw new AssertionError("expected " + later + " to run after " + earlier + "; the tasks ran in the order " + ran);
    }
  }

  @Then("^(\\S+) should run before (\\S+)$")
  public void shouldRunBefore(String earlier, String later) {
    shouldRunAfter(later, earlier);
  }

  private void expectStatus(InstanceStatus wanted) {
    if (execution == null) {
      throw new AssertionError("the workflow was not executed");
    }
    if (execution.result().status() != wanted) {
      JsonNode why = execution.result().error();
      throw new AssertionError("expected the workflow to end " + wanted + ", it ended " + execution.result().status()
          + (why == null ? "" : " with " + why));
    }
  }

  private JsonNode output() {
    expectStatus(InstanceStatus.COMPLETED);
    return execution.result().output();
  }

  /** The tasks started, in order; fails when {@code task} is not among them. */
  private List<String> ran(String task) {
    if (execution == null) {
      throw new AssertionError("the workflow was not executed");
    }
    if (!execution.tasksStarted().contains(task)) {
      throw new AssertionError("task " + task + " did not run; the tasks ran in the order " + execution.tasksStarted());
    }
    return execution.tasksStarted();
  }

  private static JsonNode yaml(String text, String what) {
    try {
      JsonNode n = YAML.readTree(text);
      return n == null || n.isMissingNode() ? JsonNodeFactory.instance.nullNode() : n;
    } catch (IOException e) {
      throw new AssertionError("the " + what + " is not valid YAML: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }
  }
}
