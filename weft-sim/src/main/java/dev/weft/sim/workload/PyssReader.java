package dev.weft.sim.workload;

import dev.weft.model.Resources;
import dev.weft.model.TaskSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a pyss backfilling scenario: one job a line, {@code submit job_id estimate processors
 * actual admin_qos user_qos user_id} (seconds; one processor is one CPU), {@code #} starts a
 * comment. As pyss does, jobs whose estimate is below their actual run time, with a negative
 * submit time, no processors or a negative run time are skipped and counted. The job id is kept
 * as written ({@code "40.2"}).
 */
public final class PyssReader {
  private static final int FIELDS = 8;

  /** Reads the whole scenario. */
  public Workload read(Path file) {
    List<SimJob> jobs = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int[] skipped = {0};
    WorkloadLines.forEach(file, (line, number) -> {
      int hash = line.indexOf('#');
      String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (content.isEmpty()) {
        return;
      }
      SimJob job = toJob(file, number, content.split("\\s+"));
      if (job == null) {
        skipped[0]++;
      } else if (!ids.add(job.id())) {
        throw WorkloadException.at(file, number, "duplicate job id '" + job.id() + "'");
      } else {
        jobs.add(job);
      }
    });
    return new Workload(file.toString(), WorkloadFormat.PYSS, jobs, skipped[0], 0);
  }

  private static SimJob toJob(Path file, int number, String[] f) {
    if (f.length != FIELDS) {
      throw WorkloadException.at(file, number, "expected " + FIELDS
          + " fields (submit job_id estimate processors actual admin_qos user_qos user_id), got " + f.length);
    }
    double submit = number(file, number, "submit", f[0]);
    double estimate = number(file, number, "estimate", f[2]);
    double processors = number(file, number, "processors", f[3]);
    double actual = number(file, number, "actual", f[4]);
    if (estimate < actual || submit < 0 || processors <= 0 || actual < 0) {
      return null;
    }
    TaskSpec spec = TaskSpec.builder(f[1])
        .resources(Resources.cpus(processors))
        .submitMillis(millis(submit))
        .estimateMillis(millis(estimate))
        .user(f[7])
        .build();
    return SimJob.of(spec, millis(actual));
  }

  private static double number(Path file, int line, String field, String text) {
    return DecimalText.parse(text).orElseThrow(
        () -> WorkloadException.at(file, line, field + ": expected a number, got \"" + text + "\""));
  }

  private static long millis(double seconds) {
    return DecimalText.millis(seconds);
  }
}
