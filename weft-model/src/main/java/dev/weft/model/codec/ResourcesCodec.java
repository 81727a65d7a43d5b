package dev.weft.model.codec;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.Resources;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A resource map: {@code cpu}, {@code memory}, {@code disk}, {@code gpus}, {@code gpuMilli} (a
 * share of one GPU, stored as the extended resource {@link Resources#GPU_MILLI}), and any other key
 * an extended resource counted in whole units. A key one edit away from a known name
 * ({@code cpus}, {@code gpu}, {@code gpuMili}) is taken for a typo, not an extended resource.
 */
final class ResourcesCodec {
  static final List<String> BUILT_IN = List.of("cpu", "memory", "disk", "gpus");
  static final String GPU_MILLI_KEY = "gpuMilli";
  private static final List<String> KNOWN = List.of("cpu", "memory", "disk", "gpus", GPU_MILLI_KEY);
  private static final Pattern EXTENDED_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._/-]*[A-Za-z0-9])?");

  private ResourcesCodec() {
  }

  /** {@link Resources#ZERO} when absent; null when {@code at} is not an object. */
  static Resources read(Located at) {
    if (!at.isPresent()) {
      return Resources.ZERO;
    }
    if (!at.node().isObject()) {
      at.typeProblem("an object of resources like {cpu: 2, memory: 4Gi}");
      return null;
    }
    long[] builtIn = new long[BUILT_IN.size()];
    Map<String, Long> extended = new TreeMap<>();
    at.fields().forEach((name, value) -> {
      int index = BUILT_IN.indexOf(name);
      if (index >= 0) {
        builtIn[index] = orZero(read(index, value));
      } else if (name.equals(GPU_MILLI_KEY) || name.equals(Resources.GPU_MILLI)) {
        gpuMilli(value, extended);
      } else {
        readExtended(name, value, extended);
      }
    });
    return new Resources(builtIn[0], builtIn[1], builtIn[2], builtIn[3], extended);
  }

  static ObjectNode write(Resources r) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    if (r.cpuMillis() != 0) {
      BigDecimal cpus = QuantityParser.cpus(r.cpuMillis());
      out.set("cpu", cpus.scale() <= 0 ? out.numberNode(cpus.longValueExact()) : out.numberNode(cpus));
    }
    if (r.memoryMiB() != 0) {
      out.put("memory", QuantityParser.formatMebibytes(r.memoryMiB()));
    }
    if (r.diskMiB() != 0) {
      out.put("disk", QuantityParser.formatMebibytes(r.diskMiB()));
    }
    if (r.gpus() != 0) {
      out.put("gpus", r.gpus());
    }
    r.extended().forEach((name, amount) -> out.put(name.equals(Resources.GPU_MILLI) ? GPU_MILLI_KEY : name, amount));
    return out;
  }

  /** Reports at {@code at} (a task's resources) a GPU request no node can grant; true when there is none. */
  static boolean checkTaskGpus(Located at, Resources r) {
    String problem = r == null ? null : r.gpuRequestProblem();
    if (problem != null) {
      at.problem(problem);
    }
    return problem == null;
  }

  /** Reports at {@code at} (a node's capacity) a GPU share named by hand; true when there is none. */
  static boolean checkNodeGpus(Located at, Resources r) {
    if (r != null && r.gpuMilli() != 0) {
      at.problem("a node does not declare " + GPU_MILLI_KEY + ": each of its gpus offers " + Resources.MILLI_PER_GPU);
      return false;
    }
    return true;
  }

  private static void gpuMilli(Located value, Map<String, Long> extended) {
    Long milli = value.scalar(QuantityParser.COUNT_EXPECTED, QuantityParser::count);
    if (milli != null && extended.put(Resources.GPU_MILLI, milli) != null) {
      value.problem("a GPU share is given twice (as '" + GPU_MILLI_KEY + "' and '" + Resources.GPU_MILLI + "')");
    }
  }

  private static Long read(int index, Located value) {
    return switch (index) {
      case 0 -> value.scalar(QuantityParser.CPU_EXPECTED, QuantityParser::cpuMillis);
      case 1, 2 -> value.scalar(QuantityParser.MEMORY_EXPECTED, QuantityParser::mebibytes);
      default -> value.scalar(QuantityParser.COUNT_EXPECTED, QuantityParser::count);
    };
  }

  private static void readExtended(String name, Located value, Map<String, Long> extended) {
    String near = ClosestName.of(name, KNOWN, 1);
    if (near != null) {
      value.problem("unknown field '" + name + "' (did you mean '" + near + "'?)");
    } else if (!EXTENDED_NAME.matcher(name).matches()) {
      value.problem("invalid extended resource name '" + name
          + "' (letters, digits, '.', '_', '-' and '/', starting and ending with a letter or digit)");
    } else {
      Long count = value.scalar(QuantityParser.COUNT_EXPECTED, QuantityParser::count);
      if (count != null) {
        extended.put(name, count);
      }
    }
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }
}
