package dev.weft.agent.enforce;

import dev.weft.agent.cgroup.CgroupException;
import dev.weft.agent.cgroup.CgroupMounts;
import dev.weft.agent.cgroup.CgroupV1Group;
import dev.weft.agent.cgroup.CgroupV2Group;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the best enforcement this agent can use, by trying it: a cgroup mechanism counts only if a
 * probe group can really be created under the agent's own group and given a memory limit.
 * Order: cgroup v2 (a delegated subtree with {@code +cpu +memory}), cgroup v1 (writable memory
 * tree, plus cpu and freezer when writable), rlimits, none. Each mechanism that is passed over is
 * reported with the reason, so an operator can see why a host is only half fenced.
 */
public final class EnforcementProbe {
  private static final String PROBE = "weft-probe";
  private final CgroupMounts mounts;
  private final String groupName;

  /**
   * @param mounts the cgroup trees of this host and this process's place in them
   * @param groupName the name of the agent's group created under its own group in each tree
   */
  public EnforcementProbe(CgroupMounts mounts, String groupName) {
    this.mounts = mounts;
    this.groupName = groupName;
  }

  /** The best available mechanism. */
  public Confiner detect() {
    List<String> notUsed = new ArrayList<>();
    Optional<Confiner> v2 = tryV2(notUsed);
    if (v2.isPresent()) {
      return v2.get();
    }
    Optional<Confiner> v1 = tryV1(notUsed);
    return v1.orElseGet(() -> rlimit(notUsed));
  }

  /**
   * The named mechanism, or an explanation of why it is unavailable.
   *
   * @throws IllegalStateException naming the reason when {@code kind} cannot be used here
   */
  public Confiner require(EnforcementKind kind) {
    List<String> notUsed = new ArrayList<>();
    Optional<Confiner> found = switch (kind) {
      case CGROUP_V2 -> tryV2(notUsed);
      case CGROUP_V1 -> tryV1(notUsed);
      case RLIMIT -> Optional.of(rlimit(List.of("forced: rlimit")));
      case NONE -> Optional.of(new Confiner.Unfenced(
          new Enforcement(EnforcementKind.NONE, false, false, false, "", List.of("forced: none"))));
    };
    return found.orElseThrow(() -> new IllegalStateException(kind.label() + " is not available: "
        + String.join("; ", notUsed)));
  }

  private Optional<Confiner> tryV2(List<String> notUsed) {
    if (mounts.unified().isEmpty()) {
      notUsed.add("cgroup-v2: no cgroup2 filesystem is mounted");
      return Optional.empty();
    }
    Path parent = mounts.unified().get().resolve(groupName);
    try {
      boolean created = !Files.isDirectory(parent);
      Files.createDirectories(parent);
      String controllers = Files.readString(parent.resolve("cgroup.controllers")).trim();
      if (!(" " + controllers + " ").contains(" memory ")) {
        if (created) {
          Files.deleteIfExists(parent);
        }
        notUsed.add("cgroup-v2: " + parent + " is not given the memory controller (its cgroup.controllers: '"
            + controllers + "'; on a hybrid host memory and cpu are bound to cgroup v1)");
        return Optional.empty();
      }
      boolean cpu = (" " + controllers + " ").contains(" cpu ");
      Files.writeString(parent.resolve("cgroup.subtree_control"), cpu ? "+memory +cpu" : "+memory");
      CgroupV2Group probe = CgroupV2Group.create(parent, PROBE, cpu ? 1000 : 0, 64);
      probe.remove();
      return Optional.of(new Confiner.CgroupV2(parent, new Enforcement(EnforcementKind.CGROUP_V2, true, cpu,
          true, parent.toString(), notUsed)));
    } catch (IOException | CgroupException e) {
      notUsed.add("cgroup-v2: cannot create a group with limits under " + parent + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  private Optional<Confiner> tryV1(List<String> notUsed) {
    Path memory = mounts.v1().get("memory");
    if (memory == null) {
      notUsed.add("cgroup-v1: no v1 memory tree is mounted");
      return Optional.empty();
    }
    Map<String, Path> parents = new LinkedHashMap<>();
    for (String controller : List.of("memory", "cpu", "freezer")) {
      Path own = mounts.v1().get(controller);
      if (own == null) {
        continue;
      }
      Path parent = own.resolve(groupName);
      try {
        Files.createDirectories(parent);
        CgroupV1Group probe = CgroupV1Group.create(Map.of(controller, parent), PROBE, 1000, 64);
        probe.remove();
        parents.put(controller, parent);
      } catch (IOException | CgroupException e) {
        notUsed.add("cgroup-v1 " + controller + ": cannot create a group under " + parent + ": " + e.getMessage());
      }
    }
    if (!parents.containsKey("memory")) {
      return Optional.empty();
    }
    return Optional.of(new Confiner.CgroupV1(parents, new Enforcement(EnforcementKind.CGROUP_V1, true,
        parents.containsKey("cpu"), parents.containsKey("freezer"), parents.get("memory").toString(), notUsed)));
  }

  private static Confiner rlimit(List<String> notUsed) {
    return new Confiner.Rlimit(new Enforcement(EnforcementKind.RLIMIT, true, false, false, "", notUsed));
  }
}
