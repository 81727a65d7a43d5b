package dev.weft.agent.cgroup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The cgroup hierarchies of this host and this process's own group in each, read from
 * {@code /proc/self/mountinfo} and {@code /proc/self/cgroup}. A pure-hybrid host (cgroup v1
 * controllers plus an empty cgroup2 tree) has both.
 *
 * @param unified the cgroup2 mount and this process's directory in it, if mounted
 * @param v1 for each v1 controller (memory, cpu, freezer, ...), this process's directory in its tree
 */
public record CgroupMounts(Optional<Path> unified, Map<String, Path> v1) {
  private static final Set<String> NOT_CONTROLLERS = Set.of("rw", "ro", "relatime", "noatime", "nosuid",
      "nodev", "noexec", "clone_children");

  public CgroupMounts {
    v1 = Map.copyOf(v1);
  }

  /** Reads this process's view of the live system. */
  public static CgroupMounts ofThisProcess() {
    return read(Path.of("/proc/self/mountinfo"), Path.of("/proc/self/cgroup"));
  }

  static CgroupMounts read(Path mountinfo, Path procCgroup) {
    try {
      return parse(Files.readString(mountinfo), Files.exists(procCgroup) ? Files.readString(procCgroup) : "");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + mountinfo, e);
    }
  }

  /** Parses the two texts; pure. */
  public static CgroupMounts parse(String mountinfo, String procCgroup) {
    Map<String, String> ownPath = ownPaths(procCgroup);
    Optional<Path> unified = Optional.empty();
    Map<String, Path> v1 = new HashMap<>();
    for (String line : mountinfo.lines().toList()) {
      String[] halves = line.split(" - ", 2);
      if (halves.length != 2) {
        continue;
      }
      String[] left = halves[0].split(" ");
      String[] right = halves[1].split(" ");
      String root = left[3];
      Path mountPoint = Path.of(left[4]);
      if (right[0].equals("cgroup2") && ownPath.containsKey("")) {
        unified = Optional.of(inside(mountPoint, root, ownPath.get("")));
      } else if (right[0].equals("cgroup") && right.length > 2) {
        for (String controller : controllers(right[2])) {
          String own = ownPath.get(controller);
          if (own != null) {
            v1.put(controller, inside(mountPoint, root, own));
          }
        }
      }
    }
    return new CgroupMounts(unified, v1);
  }

  /** Controller name ("" for the unified tree) to this process's path, from /proc/self/cgroup. */
  private static Map<String, String> ownPaths(String procCgroup) {
    Map<String, String> out = new HashMap<>();
    for (String line : procCgroup.lines().toList()) {
      String[] p = line.split(":", 3);
      if (p.length != 3) {
        continue;
      }
      if (p[0].equals("0") && p[1].isEmpty()) {
        out.put("", p[2]);
      } else {
        Arrays.stream(p[1].split(",")).filter(c -> !c.isEmpty()).forEach(c -> out.put(c, p[2]));
      }
    }
    return out;
  }

  private static List<String> controllers(String superOptions) {
    return Arrays.stream(superOptions.split(",")).filter(o -> !NOT_CONTROLLERS.contains(o) && !o.contains("="))
        .toList();
  }

  /** The directory of cgroup {@code own} in a tree mounted at {@code mountPoint} whose mount root is {@code root}. */
  private static Path inside(Path mountPoint, String root, String own) {
    String rel = own;
    if (!root.equals("/") && own.startsWith(root)) {
      rel = own.substring(root.length());
    }
    rel = rel.replaceFirst("^/+", "");
    return rel.isEmpty() ? mountPoint : mountPoint.resolve(rel);
  }
}
