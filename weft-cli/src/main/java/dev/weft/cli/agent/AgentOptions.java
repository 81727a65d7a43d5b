package dev.weft.cli.agent;

import dev.weft.agent.cgroup.CgroupMounts;
import dev.weft.agent.enforce.Confiner;
import dev.weft.agent.enforce.EnforcementKind;
import dev.weft.agent.enforce.EnforcementProbe;
import dev.weft.cli.UsageException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the agent commands: where the agent keeps its files and which enforcement it uses. */
final class AgentOptions {
  @Option(names = "--data-dir", paramLabel = "DIR", description = "Where task logs and state are kept (default ${DEFAULT-VALUE}).")
  Path dataDir = Path.of("weft-data", "agent");

  @Option(names = "--enforcement", paramLabel = "KIND",
      description = "auto (default), cgroup-v2, cgroup-v1, rlimit or none.")
  String enforcement = "auto";

  @Option(names = "--cgroup-name", paramLabel = "NAME", hidden = true,
      description = "The agent's group under its own cgroup (default ${DEFAULT-VALUE}).")
  String cgroupName = "weft";

  Confiner confiner() {
    EnforcementProbe probe = new EnforcementProbe(CgroupMounts.ofThisProcess(), cgroupName);
    if (enforcement.equalsIgnoreCase("auto")) {
      return probe.detect();
    }
    EnforcementKind kind = EnforcementKind.fromLabel(enforcement);
    if (kind == null) {
      throw new UsageException("--enforcement: expected auto, cgroup-v2, cgroup-v1, rlimit or none, got '"
          + enforcement + "'");
    }
    try {
      return probe.require(kind);
    } catch (IllegalStateException e) {
      throw new UsageException("--enforcement: " + e.getMessage());
    }
  }
}
