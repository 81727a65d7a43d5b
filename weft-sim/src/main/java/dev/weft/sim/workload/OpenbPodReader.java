package dev.weft.sim.workload;

import dev.weft.model.LabelConstraint;
import dev.weft.model.Resources;
import dev.weft.model.TaskSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an openb pod list ({@code name,cpu_milli,memory_mib,num_gpu,gpu_milli} and optionally
 * {@code gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time}): one task a row, in
 * file order.
 * <ul>
 *   <li>{@code num_gpu = 0}: no GPU ({@code gpu_milli} must be 0);</li>
 *   <li>{@code gpu_milli = 1000}: {@code num_gpu} whole GPUs;</li>
 *   <li>{@code num_gpu = 1}, {@code gpu_milli} 1..999: a share of one GPU ({@link Resources#GPU_MILLI}).</li>
 * </ul>
 * {@code gpu_spec} ({@code V100M16|V100M32}) becomes a constraint that the node's
 * {@value OpenbNodeReader#GPU_MODEL} label is one of the models; {@code qos} becomes the task label
 * {@code qos}. Submit = {@code creation_time} (seconds; 0 when absent), run time =
 * {@code deletion_time - creation_time} (0 when either is absent), estimate unknown.
 */
public final class OpenbPodReader {
  private static final List<String> REQUIRED = List.of("name", "cpu_milli", "memory_mib", "num_gpu", "gpu_milli");

  public Workload read(Path file) {
    List<SimJob> jobs = new ArrayList<>();
    Map<String, Integer> lineOf = new HashMap<>();
    boolean hasHeader = OpenbTable.forEachRow(file, REQUIRED, (row, number) -> {
      SimJob job = toJob(row);
      Integer first = lineOf.putIfAbsent(job.id(), number);
      if (first != null) {
        throw WorkloadException.at(file, number, "column 'name': duplicate pod '" + job.id() + "' (first on line " + first + ")");
      }
      jobs.add(job);
    });
    if (!hasHeader) {
      throw new WorkloadException(file + ": empty pod list (no header row)");
    }
    return new Workload(file.toString(), WorkloadFormat.OPENB, jobs, 0, 0);
  }

  private static SimJob toJob(OpenbTable.Row row) {
    String name = row.text("name");
    if (name.isEmpty()) {
      throw row.error("name", "is empty");
    }
    long created = row.count("creation_time", -1);
    long deleted = row.count("deletion_time", -1);
    String qos = row.text("qos");
    TaskSpec spec = TaskSpec.builder(name)
        .resources(resources(row))
        .constraints(models(row.text("gpu_spec")))
        .labels(qos.isEmpty() ? Map.of() : Map.of("qos", qos))
        .submitMillis(Math.max(0, created) * 1000)
        .build();
    long runtime = created >= 0 && deleted >= created ? (deleted - created) * 1000 : 0;
    return SimJob.of(spec, runtime);
  }

  private static Resources resources(OpenbTable.Row row) {
    long cpu = row.count("cpu_milli");
    long memory = row.count("memory_mib");
    long gpus = row.count("num_gpu");
    long milli = row.count("gpu_milli");
    if (gpus == 0) {
      if (milli != 0) {
        throw row.error("gpu_milli", "a pod without GPUs (num_gpu 0) asks gpu_milli " + milli);
      }
      return Resources.of(cpu, memory);
    }
    if (milli == Resources.MILLI_PER_GPU) {
      return new Resources(cpu, memory, 0, gpus, Map.of());
    }
    if (milli < 1 || milli > Resources.MILLI_PER_GPU) {
      throw row.error("gpu_milli", "expected 1 to 1000 milli of a GPU, got " + milli);
    }
    if (gpus > 1) {
      throw row.error("gpu_milli", "a share (" + milli + " milli) is of one GPU, but num_gpu is " + gpus);
    }
    return new Resources(cpu, memory, 0, 0, Map.of(Resources.GPU_MILLI, milli));
  }

  /** {@code "A|B|B"} -> gpu-model in [A, B]; blank -> no constraint. */
  private static List<LabelConstraint> models(String spec) {
    List<String> models = Arrays.stream(spec.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    return models.isEmpty() ? List.of()
        : List.of(new LabelConstraint(OpenbNodeReader.GPU_MODEL, LabelConstraint.Operator.IN, models));
  }
}
