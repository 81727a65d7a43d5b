package dev.weft.cli.conformance;

import dev.weft.cli.conformance.steps.CtkSteps;
import io.cucumber.core.backend.ObjectFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * Cucumber's object factory for the conformance glue: builds {@link CtkSteps} with the run's
 * {@link WorkflowRunner}, one instance per scenario (Cucumber calls start and stop around each).
 */
final class StepsFactory implements ObjectFactory {
  private final WorkflowRunner runner;
  private final Map<Class<?>, Object> instances = new HashMap<>();

  StepsFactory(WorkflowRunner runner) {
    this.runner = runner;
  }

  @Override
  public boolean addClass(Class<?> glueClass) {
    return glueClass == CtkSteps.class;
  }

  @Override
  public <T> T getInstance(Class<T> glueClass) {
    if (glueClass != CtkSteps.class) {
      throw new IllegalArgumentException("no glue " + glueClass.getName() + " in the conformance steps");
    }
    return glueClass.cast(instances.computeIfAbsent(glueClass, k -> new CtkSteps(runner)));
  }

  @Override
  public void start() {
    instances.clear();
  }

  @Override
  public void stop() {
    instances.clear();
  }
}
