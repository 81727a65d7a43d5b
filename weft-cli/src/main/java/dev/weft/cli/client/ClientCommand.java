package dev.weft.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.cli.UsageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every client command has: the server options, the output, and printing an answer. */
abstract class ClientCommand implements Callable<Integer> {
  @Mixin
  ClientOptions options;

  @Spec
  CommandSpec spec;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  ApiClient client() {
    return options.client();
  }

  void print(JsonNode answer, Function<JsonNode, JsonNode> rows, List<Output.Column> columns) {
    Output.print(out(), options.format(), answer, rows, columns);
  }

  /** Reads a file named on the command line; a missing one is a usage error naming it. */
  static String read(Path file, String option) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UsageException(option + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
    }
  }
}
