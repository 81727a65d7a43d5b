package dev.weft.sim.demo;

import dev.weft.model.LabelConstraint;
import dev.weft.model.Node;
import dev.weft.model.PolicyName;
import dev.weft.model.Profile;
import dev.weft.model.QueueSpec;
import dev.weft.model.Resources;
import dev.weft.model.Share;
import dev.weft.model.Taint;
import dev.weft.model.TaskSpec;
import dev.weft.model.Toleration;
import dev.weft.model.TopologyPath;
import dev.weft.sim.workload.SimJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small cluster (region eu, two zones, four racks, seven nodes, one of them a tainted GPU node),
 * a queue tree {@code root.prod} (priority, 60% guaranteed) and {@code root.batch} (sjf, 40%
 * guaranteed, may borrow everything), and a workload that makes the core show its parts: batch
 * fills the idle cluster, prod arrives and takes its guarantee back by priority preemption, a
 * gang of four starts all at once, a GPU task finds the tainted node, a wide batch job is given a
 * reservation and short jobs are backfilled around it.
 */
public final class DemoScenario {
  private static final long S = 1000;

  private DemoScenario() {}

  public static List<Node> cluster() {
    return List.of(
        node("a1", 16, 64, "eu/zone-a/rack-1", Map.of("disk", "ssd")),
        node("a2", 16, 64, "eu/zone-a/rack-1", Map.of("disk", "hdd")),
        node("a3", 32, 128, "eu/zone-a/rack-2", Map.of("disk", "ssd")),
        node("a4", 8, 32, "eu/zone-a/rack-2", Map.of("disk", "hdd")),
        node("b1", 16, 64, "eu/zone-b/rack-1", Map.of("disk", "ssd")),
        node("b2", 16, 64, "eu/zone-b/rack-1", Map.of("disk", "hdd")),
        new Node("b3", new Resources(32_000, 128 * 1024, 0, 2, Map.of()), Map.of("disk", "ssd", "gpu", "a100"),
            List.of(new Taint("gpu", "true", Taint.Effect.NO_SCHEDULE)), TopologyPath.parse("eu/zone-b/rack-2")));
  }

  public static QueueSpec queues() {
    return QueueSpec.parent("root", List.of(
        QueueSpec.leaf("prod", PolicyName.PRIORITY).withGuarantee(new Share.Percent(60)),
        QueueSpec.leaf("batch", PolicyName.SJF).withGuarantee(new Share.Percent(40))));
  }

  public static List<SimJob> workload() {
    List<SimJob> jobs = new ArrayList<>();
    for (int i = 1; i <= 24; i++) {
      Profile p = i % 3 == 0 ? Profile.IO : Profile.CPU;
      long run = (240 + 40L * (i % 5)) * S;
      jobs.add(job("batch-" + i, 0, run, run * 6 / 5, 4, 8, p, 50, "root.batch", i % 2 == 0 ? "alice" : "bob"));
    }
    for (int i = 1; i <= 8; i++) {
      jobs.add(job("prod-" + i, 60 * S, 180 * S, 200 * S, 8, 16, i % 2 == 0 ? Profile.IO : Profile.CPU, 80,
          "root.prod", "web"));
    }
    for (int i = 1; i <= 4; i++) {
      TaskSpec g = spec("train-" + i, 90 * S, 300 * S, 8, 32, Profile.CPU, 90, "root.prod", "ml")
          .gang("train", 4).build();
      jobs.add(SimJob.of(g, 300 * S));
    }
    TaskSpec gpu = spec("gpu-infer", 100 * S, 120 * S, 4, 16, Profile.MIXED, 90, "root.prod", "ml")
        .resources(new Resources(4_000, 16 * 1024, 0, 1, Map.of()))
        .tolerations(List.of(new Toleration("gpu", "true"))).build();
    jobs.add(SimJob.of(gpu, 120 * S));
    jobs.add(job("wide-etl", 120 * S, 400 * S, 450 * S, 32, 64, Profile.IO, 50, "root.batch", "carol"));
    for (int i = 1; i <= 6; i++) {
      TaskSpec small = spec("quick-" + i, 130 * S, 30 * S, 2, 4, Profile.IO, 50, "root.batch", "dave")
          .constraints(List.of(LabelConstraint.equalTo("disk", "ssd"))).build();
      jobs.add(SimJob.of(small, 25 * S));
    }
    return jobs;
  }

  private static SimJob job(String id, long submit, long run, long estimate, double cpus, long memGi, Profile p,
                            int priority, String queue, String user) {
    return SimJob.of(spec(id, submit, estimate, cpus, memGi, p, priority, queue, user).build(), run);
  }

  private static TaskSpec.Builder spec(String id, long submit, long estimate, double cpus, long memGi, Profile p,
                                       int priority, String queue, String user) {
    return TaskSpec.builder(id).submitMillis(submit).estimateMillis(estimate)
        .resources(Resources.of(Math.round(cpus * 1000), memGi * 1024)).profile(p).priority(priority)
        .queue(queue).user(user);
  }

  private static Node node(String id, int cpus, long memGi, String path, Map<String, String> labels) {
    return new Node(id, Resources.of(cpus * 1000L, memGi * 1024), labels, List.of(), TopologyPath.parse(path));
  }
}
