package dev.weft.sim.workload;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Weft CSV workload format (documented in the module README): a header row naming the
 * columns in any order, then one job a row. Blank lines and lines starting with {@code #} are
 * skipped. Times are seconds, {@code cpu} is in CPUs and {@code memory} in MiB.
 */
public final class CsvWorkloadReader {
  /** Reads the whole file; ids must be unique and dependencies must name jobs of the file, without cycles. */
  public Workload read(Path file) {
    List<SimJob> jobs = new ArrayList<>();
    Map<String, Integer> lineOf = new HashMap<>();
    CsvHeader[] header = {null};
    WorkloadLines.forEach(file, (line, number) -> {
      String content = line.strip();
      if (content.isEmpty() || content.startsWith("#")) {
        return;
      }
      List<String> cells = cells(file, number, content);
      if (header[0] == null) {
        header[0] = CsvHeader.parse(file, number, cells);
        return;
      }
      SimJob job = new CsvRow(file, number, header[0], cells).toJob();
      Integer first = lineOf.putIfAbsent(job.id(), number);
      if (first != null) {
        throw WorkloadException.at(file, number, "duplicate id '" + job.id() + "' (first on line " + first + ")");
      }
      jobs.add(job);
    });
    if (header[0] == null) {
      throw new WorkloadException(file + ": empty workload (no header row)");
    }
    new CsvDependencyCheck(file, jobs, lineOf).run();
    return new Workload(file.toString(), WorkloadFormat.CSV, jobs, 0, 0);
  }

  private static List<String> cells(Path file, int number, String content) {
    try {
      return CsvLine.split(content);
    } catch (IllegalArgumentException e) {
      throw WorkloadException.at(file, number, e.getMessage());
    }
  }
}
