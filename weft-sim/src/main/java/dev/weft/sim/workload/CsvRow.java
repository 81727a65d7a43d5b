package dev.weft.sim.workload;

import dev.weft.model.Resources;
import dev.weft.model.TaskSpec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Turns one data row of a Weft CSV workload into a job, with an error naming the line and column. */
final class CsvRow {
  private static final Pattern DEP_SEPARATOR = Pattern.compile("[;\\s]+");
  private static final Pattern QUEUE_SEGMENT = Pattern.compile("[A-Za-z0-9_-]+");

  private final Path file;
  private final int line;
  private final CsvHeader header;
  private final List<String> cells;

  CsvRow(Path file, int line, CsvHeader header, List<String> cells) {
    this.file = file;
    this.line = line;
    this.header = header;
    this.cells = cells;
    if (cells.size() != header.width()) {
      throw WorkloadException.at(file, line, "expected " + header.width() + " fields as in the header, got " + cells.size());
    }
  }

  /** The job of this row; its dependencies are checked later, when every id is known. */
  SimJob toJob() {
    String id = header.value(cells, CsvColumn.ID).orElseThrow(() -> error(CsvColumn.ID, "is empty"));
    long runtime = seconds(CsvColumn.RUNTIME, 0);
    TaskSpec spec = TaskSpec.builder(id)
        .submitMillis(seconds(CsvColumn.SUBMIT, 0))
        .estimateMillis(header.value(cells, CsvColumn.ESTIMATE).isPresent() ? seconds(CsvColumn.ESTIMATE, 0) : runtime)
        .deadlineMillis(seconds(CsvColumn.DEADLINE, 0))
        .resources(Resources.of(Math.round(number(CsvColumn.CPU, "a number of CPUs", 1) * 1000),
            Math.round(number(CsvColumn.MEMORY, "a number of MiB", 0))))
        .priority(priority())
        .queue(header.value(cells, CsvColumn.QUEUE).map(this::queuePath).orElse(TaskSpec.DEFAULT_QUEUE))
        .user(header.value(cells, CsvColumn.USER).orElse(null))
        .dependsOn(header.value(cells, CsvColumn.DEPS).map(this::deps).orElse(List.of()))
        .build();
    return SimJob.of(spec, runtime);
  }

  private long seconds(CsvColumn column, double fallback) {
    return DecimalText.millis(number(column, "a number of seconds", fallback));
  }

  private double number(CsvColumn column, String expected, double fallback) {
    return header.value(cells, column).map(text -> {
      double v = DecimalText.parse(text).orElseThrow(() -> error(column, "expected " + expected + ", got \"" + text + "\""));
      if (v < 0) {
        throw error(column, "expected " + expected + " (not negative), got \"" + text + "\"");
      }
      return v;
    }).orElseGet(() -> required(column, fallback));
  }

  private double required(CsvColumn column, double fallback) {
    if (column.required()) {
      throw error(column, "is empty");
    }
    return fallback;
  }

  private int priority() {
    return header.value(cells, CsvColumn.PRIORITY).map(text -> {
      try {
        return Integer.parseInt(text);
      } catch (NumberFormatException e) {
        throw error(CsvColumn.PRIORITY, "expected a whole number, got \"" + text + "\"");
      }
    }).orElse(TaskSpec.DEFAULT_PRIORITY);
  }

  private String queuePath(String text) {
    String path = text.equals("root") || text.startsWith("root.") ? text : "root." + text;
    if (!Arrays.stream(path.split("\\.", -1)).allMatch(s -> QUEUE_SEGMENT.matcher(s).matches())) {
      throw error(CsvColumn.QUEUE, "expected a dotted queue path such as root.analytics.etl, got \"" + text + "\"");
    }
    return path;
  }

  private List<String> deps(String text) {
    return Arrays.stream(DEP_SEPARATOR.split(text)).filter(Predicate.not(String::isEmpty)).distinct().toList();
  }

  private WorkloadException error(CsvColumn column, String message) {
    return WorkloadException.at(file, line, "column '" + column.wire() + "': " + message);
  }
}
