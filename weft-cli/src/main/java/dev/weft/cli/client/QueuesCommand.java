package dev.weft.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code weft queues}: the queue tree with bars of guarantee, used and max; {@code -f FILE} applies a new tree. */
@Command(name = "queues", mixinStandardHelpOptions = true,
    description = "Show the queue tree (bars of guarantee/used/max per queue), or apply a new one with -f.")
public final class QueuesCommand extends ClientCommand {
  @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "apply this queue tree (YAML or JSON) first")
  Path file;

  @Override
  public Integer call() {
    if (file != null) {
      String text = read(file, "-f");
      client().put("/api/v1/queues", file.toString().endsWith(".json") ? "application/json" : "application/yaml", text);
    }
    JsonNode report = client().get("/api/v1/queues");
    if (options.format() == ClientOptions.Format.table) {
      out().print(QueueBars.render(report));
      out().flush();
    } else {
      print(report, n -> n, java.util.List.of());
    }
    return 0;
  }
}
