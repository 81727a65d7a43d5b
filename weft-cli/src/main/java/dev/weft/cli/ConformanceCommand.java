package dev.weft.cli;

import dev.weft.cli.conformance.ConformanceRun;
import dev.weft.cli.conformance.ScenarioResult;
import dev.weft.cli.conformance.StubServers;
import dev.weft.cli.conformance.WorkflowRunner;
import dev.weft.server.runtime.RuntimeClock;
import dev.weft.server.runtime.WorkflowRuntime;
import dev.weft.store.Database;
import dev.weft.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weft conformance DIR}: runs the CTK's Gherkin features under DIR with Cucumber against
 * the durable runtime (a fresh in-memory H2 database), with petstore.swagger.io and httpbin.org
 * answered by stand-ins on loopback. Prints {@code PASS|FAIL feature: scenario} per scenario and
 * {@code N passed, M failed}; exit 0 when all pass, 1 otherwise, 2 when DIR holds no features.
 */
@Command(name = "conformance", mixinStandardHelpOptions = true,
    description = "Run the Serverless Workflow CTK's Gherkin features against Weft and print one line per scenario.")
final class ConformanceCommand implements Callable<Integer> {
  private static final List<String> NOISY_LOGGERS = List.of("org.flywaydb", "io.cucumber", "com.zaxxer.hikari");

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "A directory of .feature files (e.g. the CTK's ctk/features).")
  Path dir;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String problem = featureProblem(dir);
    if (problem != null) {
      err.println("weft: " + problem);
      err.flush();
      return WeftCommand.BAD_INPUT;
    }
    quietLibraries();
    List<ScenarioResult> results;
    try (StubServers stubs = StubServers.start()) {
      WorkflowRunner runner = new WorkflowRunner(
          () -> Database.open("jdbc:h2:mem:weft-conformance-" + UUID.randomUUID()),
          db -> new WorkflowRuntime(db, RuntimeClock.system(), () -> UUID.randomUUID().toString(),
              Duration.ofSeconds(30), stubs.redirects()),
          () -> "ctk-" + UUID.randomUUID());
      results = ConformanceRun.run(dir, runner);
    } catch (IOException | StoreException e) {
      err.println("weft: cannot set up the conformance run: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
      err.flush();
      return WeftCommand.WORK_FAILED;
    }
    results.forEach(r -> out.println(r.line()));
    long passed = results.stream().filter(ScenarioResult::passed).count();
    out.println(passed + " passed, " + (results.size() - passed) + " failed");
    out.flush();
    return passed == results.size() && !results.isEmpty() ? WeftCommand.OK : WeftCommand.WORK_FAILED;
  }

  /** Why DIR cannot be run, or null. */
  private static String featureProblem(Path dir) {
    if (!Files.isDirectory(dir)) {
      return dir + " is not a directory";
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.anyMatch(p -> p.toString().endsWith(".feature")) ? null : dir + " holds no .feature files";
    } catch (IOException e) {
      return "cannot read " + dir + ": " + e.getMessage();
    }
  }

  private static void quietLibraries() {
    NOISY_LOGGERS.forEach(name -> Logger.getLogger(name).setLevel(Level.WARNING));
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
  }
}
