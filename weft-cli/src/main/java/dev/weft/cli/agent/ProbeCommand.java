package dev.weft.cli.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.agent.enforce.Enforcement;
import dev.weft.agent.host.HostFacts;
import dev.weft.agent.host.HostProbe;
import dev.weft.cli.UsageException;
import dev.weft.cli.WeftCommand;
import dev.weft.model.codec.QuantityParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.function.ToLongFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code weft agent probe}: what this machine offers (measured, then overridden) and which enforcement is active. */
@Command(name = "probe", mixinStandardHelpOptions = true,
    description = "Print this machine's cores, memory and disk and the resource enforcement the agent would use.")
final class ProbeCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec
  CommandSpec spec;

  @Mixin
  AgentOptions agent;

  @Option(names = "--cpu", paramLabel = "Q", description = "Override the cpu offered: CPUs (2, 0.5) or millicores (1500m).")
  String cpu;

  @Option(names = "--memory", paramLabel = "Q", description = "Override the memory offered, e.g. 8Gi.")
  String memory;

  @Option(names = "--disk", paramLabel = "Q", description = "Override the disk offered, e.g. 100Gi.")
  String disk;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    Files.createDirectories(agent.dataDir);
    HostFacts facts = HostProbe.ofThisMachine(agent.dataDir).measure().overriddenBy(
        quantity("--cpu", cpu, QuantityParser::cpuMillis), quantity("--memory", memory, QuantityParser::mebibytes),
        quantity("--disk", disk, QuantityParser::mebibytes));
    Enforcement e = agent.confiner().enforcement();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode n = JSON.createObjectNode();
      n.put("cpuMillis", facts.cpuMillis()).put("memoryMiB", facts.memoryMiB()).put("diskMiB", facts.diskMiB());
      n.set("enforcement", JSON.valueToTree(e));
      out.println(JSON.writeValueAsString(n));
    } else {
      out.printf("cpu:         %sm%nmemory:      %d MiB%ndisk:        %d MiB (usable in %s)%n", facts.cpuMillis(),
          facts.memoryMiB(), facts.diskMiB(), agent.dataDir.toAbsolutePath());
      out.println("enforcement: " + e.summary());
      e.notUsed().forEach(r -> out.println("  not used:  " + r));
    }
    out.flush();
    return WeftCommand.OK;
  }

  static OptionalLong quantity(String option, String text, ToLongFunction<String> parse) {
    if (text == null) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(parse.applyAsLong(text));
    } catch (IllegalArgumentException ex) {
      throw new UsageException(option + ": " + ex.getMessage());
    }
  }
}
