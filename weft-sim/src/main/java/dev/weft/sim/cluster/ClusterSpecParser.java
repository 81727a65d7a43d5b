package dev.weft.sim.cluster;

import dev.weft.model.Node;
import dev.weft.model.Resources;
import dev.weft.model.TopologyPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the {@code key=value,...} cluster specs described on {@link ClusterSpec}. */
final class ClusterSpecParser {
  private static final Set<String> KEYS = Set.of("cpus", "nodes", "memory", "gpus", "zones", "racks");
  private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?|\\.\\d+");
  private static final Pattern WHOLE = Pattern.compile("\\d+");
  private static final Pattern MEMORY = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(Mi|Gi|Ti)?");
  private static final long MAX_NODES = 100_000;

  private final String text;
  private final Map<String, String> values = new LinkedHashMap<>();

  ClusterSpecParser(String text) {
    this.text = text == null ? "" : text.strip();
  }

  ClusterSpec parse() {
    if (text.isEmpty()) {
      throw new ClusterSpecException("cluster spec is empty (expected e.g. cpus=64 or nodes=4,cpus=16,memory=64Gi)");
    }
    if (!text.contains("=")) {
      throw new ClusterSpecException("cluster spec '" + text
          + "': no such cluster file, and not key=value pairs (e.g. cpus=64 or nodes=4,cpus=16,memory=64Gi)");
    }
    readPairs();
    if (!values.containsKey("cpus")) {
      throw new ClusterSpecException("cluster spec '" + text + "': key 'cpus' is required (CPUs per node)");
    }
    long cpuMillis = Math.round(positiveDecimal("cpus") * 1000);
    long memory = values.containsKey("memory") ? memoryMiB() : ClusterSpec.UNLIMITED_MEMORY_MIB;
    long gpus = values.containsKey("gpus") ? whole("gpus", 0) : 0;
    Resources capacity = new Resources(cpuMillis, memory, 0, gpus, Map.of());
    return new ClusterSpec(text, nodes(capacity));
  }

  private void readPairs() {
    for (String part : text.split(",", -1)) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        throw new ClusterSpecException("cluster spec '" + text + "': expected key=value, got '" + part.strip() + "'");
      }
      String key = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      if (!KEYS.contains(key)) {
        throw new ClusterSpecException("cluster spec '" + text + "': unknown key '" + key
            + "' (expected cpus, nodes, memory, gpus, zones, racks)");
      }
      if (values.put(key, part.substring(eq + 1).strip()) != null) {
        throw new ClusterSpecException("cluster spec '" + text + "': key '" + key + "' given twice");
      }
    }
  }

  private List<Node> nodes(Resources capacity) {
    boolean topology = values.containsKey("zones") || values.containsKey("racks");
    long zones = values.containsKey("zones") ? whole("zones", 1) : 1;
    long racks = values.containsKey("racks") ? whole("racks", 1) : 1;
    long perRack = values.containsKey("nodes") ? whole("nodes", 1) : 1;
    if ((double) zones * racks * perRack > MAX_NODES) {
      throw new ClusterSpecException("cluster spec '" + text + "': " + (zones * racks) + " x " + perRack
          + " nodes is more than the simulator's limit of " + MAX_NODES);
    }
    List<Node> nodes = new ArrayList<>();
    for (int z = 1; z <= zones; z++) {
      for (int r = 1; r <= racks; r++) {
        for (int n = 1; n <= perRack; n++) {
          nodes.add(topology
              ? new Node("z" + z + "-r" + r + "-n" + n, capacity, Map.of(), List.of(), new TopologyPath("r1", "z" + z, "r" + r))
              : Node.of("n" + n, capacity));
        }
      }
    }
    return nodes;
  }

  private double positiveDecimal(String key) {
    String v = values.get(key);
    if (!DECIMAL.matcher(v).matches() || Double.parseDouble(v) * 1000 < 1) {
      throw invalid(key, "a positive number");
    }
    return Double.parseDouble(v);
  }

  private long whole(String key, long min) {
    String v = values.get(key);
    if (!WHOLE.matcher(v).matches() || v.length() > 9 || Long.parseLong(v) < min) {
      throw invalid(key, min == 0 ? "a whole number" : "a whole number of at least " + min);
    }
    return Long.parseLong(v);
  }

  private long memoryMiB() {
    Matcher m = MEMORY.matcher(values.get("memory"));
    if (!m.matches()) {
      throw invalid("memory", "a size such as 4096 (MiB), 512Mi, 64Gi or 1Ti");
    }
    double amount = Double.parseDouble(m.group(1));
    long factor = m.group(2) == null ? 1 : switch (m.group(2)) {
      case "Gi" -> 1024L;
      case "Ti" -> 1024L * 1024;
      default -> 1L;
    };
    long mib = Math.round(amount * factor);
    if (mib < 1 || mib > ClusterSpec.UNLIMITED_MEMORY_MIB) {
      throw invalid("memory", "a size between 1Mi and 1048576Ti");
    }
    return mib;
  }

  private ClusterSpecException invalid(String key, String expected) {
    return new ClusterSpecException("cluster spec '" + text + "': key '" + key + "' must be " + expected
        + ", got '" + values.get(key) + "'");
  }
}
