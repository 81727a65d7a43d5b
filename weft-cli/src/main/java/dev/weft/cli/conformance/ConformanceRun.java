package dev.weft.cli.conformance;

import io.cucumber.core.feature.FeatureWithLines;
import io.cucumber.core.options.RuntimeOptions;
import io.cucumber.core.options.RuntimeOptionsBuilder;
import io.cucumber.core.runtime.Runtime;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the Gherkin features under a directory with Cucumber's own runtime, the CTK steps of
 * {@link dev.weft.cli.conformance.steps.CtkSteps} as glue, and returns one result per scenario
 * in the order they ran. Cucumber prints nothing (no formatter, publishing off).
 */
public final class ConformanceRun {
  private static final URI GLUE = URI.create("classpath:dev/weft/cli/conformance/steps");

  private ConformanceRun() {}

  public static List<ScenarioResult> run(Path features, WorkflowRunner runner) {
    RuntimeOptions options = new RuntimeOptionsBuilder()
        .addFeature(FeatureWithLines.create(features.toAbsolutePath().toUri(), List.of()))
        .addGlue(GLUE)
        .setMonochrome()
        .setPublish(false)
        .setPublishQuiet(true)
        .build();
    ResultCollector collector = new ResultCollector();
    StepsFactory factory = new StepsFactory(runner);
    Runtime.builder()
        .withRuntimeOptions(options)
        .withClassLoader(ConformanceRun.class::getClassLoader)
        .withObjectFactorySupplier(() -> factory)
        .withAdditionalPlugins(collector)
        .build()
        .run();
    return collector.results();
  }
}
