package dev.weft.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.weft.server.runtime.EventSink;
import dev.weft.server.runtime.HostRedirects;
import dev.weft.server.runtime.RunResult;
import dev.weft.server.runtime.RuntimeClock;
import dev.weft.server.runtime.WorkflowRuntime;
import dev.weft.store.Database;
import dev.weft.store.StoreException;
import dev.weft.server.secrets.SecretSource;
import dev.weft.workflow.plan.Plan;
import dev.weft.workflow.plan.PlanCompiler;
import dev.weft.workflow.read.Problem;
import dev.weft.workflow.read.WorkflowValidationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weft run FILE}: runs one workflow instance to its end in this process, journalled in
 * the given database, and prints its output (exit 0), its RFC 7807 error (exit 1), or every
 * problem of the document (exit 2).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run one workflow (Serverless Workflow DSL 1.0, YAML or JSON) to its end and print its output as JSON.")
final class RunCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");
  private static final Logger HIKARI_LOG = Logger.getLogger("com.zaxxer.hikari");

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The workflow document.")
  Path file;

  @Option(names = "--input", paramLabel = "JSON|@file", description = "The workflow input: JSON text, or @path of a JSON file (default {}).")
  String input;

  @Option(names = "--db", paramLabel = "URL",
      description = "Database URL: jdbc:h2:file:... or jdbc:postgresql://... (default ${DEFAULT-VALUE}).")
  String db = Database.DEFAULT_URL;

  @Option(names = "--http-hosts", paramLabel = "HOST=ADDRESS[,...]",
      description = "Send http and openapi calls for HOST to http://ADDRESS instead (e.g. httpbin.org=127.0.0.1:8080); the workflow text is unchanged.")
  String httpHosts = "";

  @Option(names = "--secrets", paramLabel = "FILE",
      description = "A JSON or YAML object of secret values for $secrets (else environment variables WEFT_SECRET_<NAME>).")
  Path secretsFile;

  @Option(names = "--define", paramLabel = "FILE",
      description = "Also store this workflow document, so run: workflow can start it (repeatable).")
  java.util.List<Path> defines = new java.util.ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    quietLibraries();
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      return bad(err, "cannot read " + file + ": " + e.getMessage());
    }
    Plan plan;
    java.util.List<String> others = new java.util.ArrayList<>();
    try {
      plan = compile(file, text, err);
      for (Path other : defines) {
        String body = Files.readString(other);
        compile(other, body, err);
        others.add(body);
      }
    } catch (IOException e) {
      return bad(err, "cannot read " + e.getMessage());
    } catch (WorkflowValidationException e) {
      err.flush();
      return WeftCommand.BAD_INPUT;
    }
    HostRedirects redirects;
    try {
      redirects = HostRedirects.parse(httpHosts);
    } catch (IllegalArgumentException e) {
      return bad(err, "--http-hosts: " + e.getMessage());
    }
    SecretSource secrets;
    try {
      secrets = RunSecrets.source(secretsFile);
    } catch (IOException e) {
      return bad(err, "--secrets: " + firstLine(e.getMessage()));
    }
    java.util.Optional<String> missing = RunSecrets.missing(plan, secrets);
    if (missing.isPresent()) {
      return bad(err, missing.get());
    }
    if (plan.schedule().has("on") && input == null) {
      return bad(err, file + " /schedule/on: weft run has no events to listen to; run it under weft server and publish"
          + " events (POST /api/v1/events), or pass the triggering events as --input '[{...}]' to run it once");
    }
    if (!plan.schedule().isMissingNode()) {
      err.println("weft: note: 'schedule' is not applied by weft run, which starts one instance now; a server's schedule runner applies it");
    }
    JsonNode in;
    try {
      in = readInput();
    } catch (IOException e) {
      return bad(err, "--input: " + firstLine(e.getMessage()));
    }
    Path source = file; // the document being stored, named by a problem in its external schemas
    try (Database database = Database.open(db)) {
      WorkflowRuntime runtime = new WorkflowRuntime(database, RuntimeClock.system(),
          () -> UUID.randomUUID().toString(), Duration.ofSeconds(30), EventSink.NONE, redirects, secrets);
      for (int i = 0; i < others.size(); i++) {
        source = defines.get(i);
        runtime.define(others.get(i));
      }
      source = file;
      RunResult r = runtime.run(text, in, "run-" + UUID.randomUUID());
      return switch (r.status()) {
        case COMPLETED -> print(out, r.output(), WeftCommand.OK);
        case FAILED -> print(err, r.error(), WeftCommand.WORK_FAILED);
        default -> {
          err.println("weft: instance " + r.instanceId() + " stopped " + r.status()
              + ": it waits for something this runtime does not provide (an event or a sub-workflow)");
          err.flush();
          yield WeftCommand.WORK_FAILED;
        }
      };
    } catch (WorkflowValidationException e) {
      // an external schema that cannot be fetched or used, found when the definition is stored
      for (Problem p : e.problems()) {
        err.println(p.format(source.toString()));
      }
      err.flush();
      return WeftCommand.BAD_INPUT;
    } catch (StoreException | IllegalArgumentException e) {
      err.println("weft: " + firstLine(e.getMessage()));
      err.flush();
      return WeftCommand.WORK_FAILED;
    }
  }

  /** Compiles one document; prints each of its problems as {@code FILE:LINE POINTER: message} and rethrows. */
  private static Plan compile(Path path, String text, PrintWriter err) {
    try {
      return PlanCompiler.compile(text);
    } catch (WorkflowValidationException e) {
      for (Problem p : e.problems()) {
        err.println(p.format(path.toString()));
      }
      throw e;
    }
  }

  private JsonNode readInput() throws IOException {
    if (input == null) {
      return JsonNodeFactory.instance.objectNode();
    }
    String json = input;
    if (input.startsWith("@")) {
      try {
        json = Files.readString(Path.of(input.substring(1)));
      } catch (IOException e) {
        throw new IOException("cannot read " + input.substring(1) + " (" + e.getClass().getSimpleName() + ")", e);
      }
    }
    try {
      JsonNode n = JSON.readTree(json);
      if (n == null || n.isMissingNode()) {
        throw new IOException("not valid JSON: it is empty");
      }
      return n;
    } catch (JsonProcessingException e) {
      throw new IOException("not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static int print(PrintWriter w, JsonNode n, int code) {
    try {
      w.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n));
    } catch (JsonProcessingException e) {
      w.println(String.valueOf(n));
    }
    w.flush();
    return code;
  }

  private static int bad(PrintWriter err, String message) {
    err.println("weft: " + message);
    err.flush();
    return WeftCommand.BAD_INPUT;
  }

  /** Flyway's migration notes and SLF4J's "no provider" notice (json-schema-validator, HikariCP) would otherwise clutter stderr. */
  private static void quietLibraries() {
    FLYWAY_LOG.setLevel(Level.WARNING);
    HIKARI_LOG.setLevel(Level.WARNING);
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
  }

  private static String firstLine(String s) {
    String m = String.valueOf(s);
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
