package dev.weft.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * The queue tree in the terminal: one line per queue, indented by depth, with a bar of its CPU
 * ({@code #} used, {@code |} the guarantee, {@code -} room up to its max, blank beyond the max),
 * all bars on the scale of the cluster's capacity, then the figures and the task counts.
 */
final class QueueBars {
  static final int WIDTH = 30;

  private QueueBars() {}

  static String render(JsonNode report) {
    JsonNode queues = report.path("queues");
    double scale = report.path("capacity").path("cpuMillis").asDouble();
    for (JsonNode q : queues) {
      scale = Math.max(scale, Math.max(cpu(q.path("used")), cpu(q.path("max").path("resolved"))));
    }
    int nameWidth = 4;
    for (JsonNode q : queues) {
      nameWidth = Math.max(nameWidth, label(q).length());
    }
    StringBuilder b = new StringBuilder();
    b.append(String.format("%-" + nameWidth + "s  %-" + (WIDTH + 2) + "s  %s%n", "QUEUE", "CPU (# used, | guarantee, - to max)",
        "USED / GUARANTEE / MAX (cores)   HOLDING  PENDING  DELAYED"));
    for (JsonNode q : queues) {
      double used = cpu(q.path("used"));
      double guarantee = cpu(q.path("guarantee").path("resolved"));
      double max = cpu(q.path("max").path("resolved"));
      b.append(String.format(Locale.ROOT, "%-" + nameWidth + "s  [%s]  %s / %s / %s   %7d  %7d  %7d%n", label(q),
          bar(used, guarantee, max, scale), cores(used), cores(guarantee), cores(max), q.path("holding").asInt(),
          q.path("pending").asInt(), q.path("delayed").asInt()));
    }
    JsonNode unknown = report.path("unknownQueues");
    if (unknown.size() > 0) {
      b.append("tasks naming no queue of the tree: ");
      unknown.properties().forEach(e -> b.append(e.getKey()).append(" (").append(e.getValue().asInt()).append(") "));
      b.append('\n');
    }
    if (report.path("capacity").path("cpuMillis").asLong() == 0) {
      b.append("no node is up: percentage shares resolve to 0\n");
    }
    return b.toString();
  }

  /** The bar of one queue on {@code scale} millicores. */
  static String bar(double used, double guarantee, double max, double scale) {
    char[] cells = new char[WIDTH];
    for (int i = 0; i < WIDTH; i++) {
      double at = scale <= 0 ? Double.MAX_VALUE : (i + 0.5) * scale / WIDTH;
      cells[i] = at <= used ? '#' : at <= max ? '-' : ' ';
    }
    if (guarantee > 0 && scale > 0) {
      int g = (int) Math.min(WIDTH - 1, Math.round(guarantee / scale * WIDTH) - 1);
      cells[Math.max(0, g)] = '|';
    }
    return new String(cells);
  }

  private static String label(JsonNode q) {
    String path = q.path("path").asText();
    int depth = (int) path.chars().filter(c -> c == '.').count();
    return "  ".repeat(depth) + path.substring(path.lastIndexOf('.') + 1);
  }

  private static double cpu(JsonNode resources) {
    return resources.path("cpuMillis").asDouble();
  }

  private static String cores(double millis) {
    return millis % 1000 == 0 ? String.valueOf((long) millis / 1000) : String.format(Locale.ROOT, "%.1f", millis / 1000);
  }
}
