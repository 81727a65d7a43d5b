package dev.weft.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code weft service [list]} and {@code weft service get NAME [--version V]}; register with {@code weft apply -f}. */
@Command(name = "service", mixinStandardHelpOptions = true,
    description = "List services or show one (register them with 'weft apply -f FILE' and 'kind: service').",
    subcommands = {ServiceCommand.ListServices.class, ServiceCommand.Get.class})
public final class ServiceCommand extends ClientCommand {
  static final String BASE = "/api/v1/services";
  static final List<Output.Column> LIST = List.of(Output.Column.field("SERVICE", "name"),
      new Output.Column("VERSIONS", n -> String.join(", ", texts(n.path("versions")))),
      Output.Column.field("BUILTIN", "builtin"));

  @Override
  public Integer call() {
    print(client().get(BASE + "?limit=1000"), n -> n.path("items"), LIST);
    return 0;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "The services and their versions (builtins too).")
  static final class ListServices extends ClientCommand {
    @Override
    public Integer call() {
      print(client().get(BASE + "?limit=1000"), n -> n.path("items"), LIST);
      return 0;
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true, description = "One service: its latest version, or --version V.")
  static final class Get extends ClientCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--version", paramLabel = "V", description = "a stored version (default: the latest)")
    String version;

    @Override
    public Integer call() {
      String path = BASE + "/" + ApiClient.id(name) + (version == null ? "" : "/versions/" + ApiClient.id(version));
      print(client().get(path), n -> n, List.of(Output.Column.field("SERVICE", "name"),
          Output.Column.field("VERSION", "version"), Output.Column.field("STORED", "storedAt")));
      return 0;
    }
  }
}
