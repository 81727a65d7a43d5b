package dev.weft.sim.workload;

import dev.weft.model.Resources;
import dev.weft.model.TaskSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Standard Workload Format trace (Parallel Workloads Archive), plain or gzip, line by
 * line. One processor is one CPU. Jobs with a negative run time or no processors are skipped and
 * counted; a line without 18 numeric fields is an error.
 */
public final class SwfReader {
  private static final int FIELDS = 18;
  private static final Pattern HEADER = Pattern.compile("^;\\s*(MaxProcs|MaxNodes)\\s*:\\s*(\\d+)");

  /** Reads the whole trace; see the class comment for the field mapping. */
  public Workload read(Path file) {
    List<SimJob> jobs = new ArrayList<>();
    int[] skipped = {0};
    long[] declared = {0, 0}; // MaxProcs, MaxNodes
    WorkloadLines.forEach(file, (line, number) -> {
      String trimmed = line.strip();
      if (trimmed.isEmpty()) {
        return;
      }
      if (trimmed.startsWith(";")) {
        readHeader(trimmed, declared);
        return;
      }
      SimJob job = toJob(file, number, numbers(file, number, trimmed));
      if (job == null) {
        skipped[0]++;
      } else {
        jobs.add(job);
      }
    });
    long cpus = declared[0] > 0 ? declared[0] : declared[1];
    return new Workload(file.toString(), WorkloadFormat.SWF, jobs, skipped[0], cpus);
  }

  private static void readHeader(String line, long[] declared) {
    Matcher m = HEADER.matcher(line);
    if (m.find()) {
      declared[m.group(1).equals("MaxProcs") ? 0 : 1] = Long.parseLong(m.group(2));
    }
  }

  private static double[] numbers(Path file, int number, String line) {
    String[] fields = line.split("\\s+");
    if (fields.length != FIELDS) {
      throw WorkloadException.at(file, number, "expected " + FIELDS + " fields, got " + fields.length);
    }
    double[] out = new double[FIELDS];
    for (int i = 0; i < FIELDS; i++) {
      int field = i + 1;
      String text = fields[i];
      out[i] = DecimalText.parse(text).orElseThrow(
          () -> WorkloadException.at(file, number, "field " + field + ": expected a number, got \"" + text + "\""));
    }
    return out;
  }

  /** The job of one line (fields are 0-based here, 1-based in the SWF documentation), or null to skip it. */
  private static SimJob toJob(Path file, int number, double[] f) {
    double runtime = f[3];
    double processors = f[4] >= 0 ? f[4] : f[7];
    if (runtime < 0 || processors <= 0) {
      return null;
    }
    long submit = seconds(f[1]);
    if (submit < 0) {
      throw WorkloadException.at(file, number, "field 2: negative submit time " + f[1]);
    }
    int user = (int) f[11];
    TaskSpec spec = TaskSpec.builder(Long.toString((long) f[0]))
        .resources(Resources.cpus(processors))
        .submitMillis(submit)
        .estimateMillis(f[8] < 0 ? 0 : seconds(f[8]))
        .user(user >= 0 ? "u" + user : null)
        .build();
    return SimJob.of(spec, seconds(runtime));
  }

  private static long seconds(double s) {
    return DecimalText.millis(s);
  }
}
