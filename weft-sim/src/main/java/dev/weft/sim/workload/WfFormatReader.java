package dev.weft.sim.workload;

import dev.weft.model.Resources;
import dev.weft.model.TaskSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a WfCommons workflow instance (WfFormat 1.4, 1.5 or 1.6 JSON): a DAG of tasks with the
 * run times, cores and memory recorded when the workflow was executed, the machines it ran on and
 * its makespan.
 *
 * <p>Every task is submitted at 0 and depends on its parents. Its actual run time is the recorded
 * {@code runtimeInSeconds}, and so is its estimate: a workflow system knows the typical run time
 * of each of its tasks from profiling earlier runs (WfCommons instances are such profiles), and
 * DAG heuristics such as HEFT assume these costs known. A task recorded at 0 s is estimated at
 * 1 ms, since an estimate of 0 means "unknown" to the scheduler. Cores default to 1; memory is
 * rounded up to whole MiB, 0 when not recorded. All tasks are in job {@code name}, queue
 * {@code root.default}.
 *
 * <p>Errors name the file, the line and the JSON pointer of the offending value: invalid JSON,
 * missing or mistyped fields, tasks without an execution record, duplicate ids, references to
 * unknown tasks, dependency cycles, and schema versions other than 1.4 to 1.6.
 */
public final class WfFormatReader {
  private static final Set<String> LAYOUT_15 = Set.of("1.5", "1.6");
  private static final String LAYOUT_14 = "1.4";

  /** Reads the whole file (WfFormat files are small: a few thousand tasks at most). */
  public WfInstance read(Path file) {
    WfJson json = WfJson.read(file);
    WfLayout layout = layout(json.root());
    Map<String, List<String>> parents = WfDependencies.of(json, layout);
    List<SimJob> jobs = new ArrayList<>(layout.tasks().size());
    for (WfTask t : layout.tasks()) {
      jobs.add(job(layout.name(), t, parents.get(t.id())));
    }
    return new WfInstance(new Workload(file.toString(), WorkloadFormat.WFFORMAT, jobs, 0, 0), layout.name(),
        layout.schemaVersion(), layout.machines(), layout.makespanSeconds());
  }

  private static WfLayout layout(WfNode root) {
    String name = root.optionalText("name").orElse("workflow");
    String version = root.text("schemaVersion");
    if (LAYOUT_15.contains(version)) {
      return WfLayout15.read(root, name, version);
    }
    if (version.equals(LAYOUT_14)) {
      return WfLayout14.read(root, name, version);
    }
    throw root.source().error("/schemaVersion", "schema version '" + version
        + "' is not supported (1.4, 1.5 or 1.6; WfCommons' wfcommons-migrate-instance.py upgrades older files)");
  }

  private static SimJob job(String workflow, WfTask t, List<String> parents) {
    long runtime = DecimalText.millis(t.runtimeSeconds());
    long memory = t.memoryBytes() > 0 ? WfInstance.mebibytes(t.memoryBytes()) : 0;
    TaskSpec spec = TaskSpec.builder(t.id())
        .job(workflow)
        .submitMillis(0)
        .estimateMillis(Math.max(1, runtime))
        .resources(Resources.of(Math.round(t.cores() * 1000), memory))
        .dependsOn(parents)
        .build();
    return SimJob.of(spec, runtime);
  }
}
