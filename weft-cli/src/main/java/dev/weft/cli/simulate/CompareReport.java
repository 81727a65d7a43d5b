package dev.weft.cli.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/** The output of {@code simulate compare}: {@code {"results": [...]}} or a side-by-side table. */
final class CompareReport {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String ROW = "%-6s %-14s %-13s %-14s %7s %12s %12s %9s%n";

  private CompareReport() {}

  static String json(String workload, String protocol, List<CompareRow> rows) {
    ObjectNode o = MAPPER.createObjectNode();
    ArrayNode results = o.putArray("results");
    rows.forEach(r -> results.add(r.json()));
    o.put("workload", workload);
    if (protocol != null) {
      o.put("protocol", protocol);
    }
    return o + System.lineSeparator();
  }

  static String text(String workload, String context, List<CompareRow> rows) {
    StringBuilder out = new StringBuilder();
    out.append(f("workload  %s%n", workload));
    out.append(f("%s%n%n", context));
    out.append(f(ROW, "engine", "policy", "backfill", "prediction", "jobs", "avg bsld", "avg wait", "util"));
    for (CompareRow r : rows) {
      out.append(f(ROW, r.label("engine"), r.label("policy"), r.label("backfill"), r.label("prediction"),
          (long) r.figure("jobs"), f("%.2f", r.figure("avgBoundedSlowdown")), f("%.1f s", r.figure("avgWait")),
          f("%.1f %%", 100 * r.figure("utilization"))));
    }
    return out.toString();
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
