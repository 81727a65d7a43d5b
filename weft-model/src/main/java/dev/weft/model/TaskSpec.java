package dev.weft.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One unit of work that needs resources on a node. Times are milliseconds on the caller's clock
 * (epoch for the server, simulated for the simulator); {@code estimateMillis} and
 * {@code deadlineMillis} are 0 when unknown. Priority: higher runs first (default 50).
 *
 * @param gang tasks with the same non-null gang id are placed all together or not at all;
 *     {@code gangSize} says how many members make the gang complete
 * @param dependsOn ids of tasks that must succeed first (a DAG job)
 * @param run what an agent runs for it (null for tasks that only exist to be scheduled: simulations, tests)
 */
public record TaskSpec(
    String id, String job, Resources resources, Profile profile, int priority, String queue, String user,
    long submitMillis, long estimateMillis, long deadlineMillis,
    List<LabelConstraint> constraints, List<Toleration> tolerations, List<AffinityRule> affinity,
    Map<String, String> labels, String gang, int gangSize, boolean preemptible, List<String> dependsOn,
    TaskRun run) {

  public static final int DEFAULT_PRIORITY = 50;
  public static final String DEFAULT_QUEUE = "root.default";

  public TaskSpec {
    job = job == null ? id : job;
    resources = resources == null ? Resources.ZERO : resources;
    String gpuProblem = resources.gpuRequestProblem();
    if (gpuProblem != null) {
      throw new IllegalArgumentException("task " + id + ": " + gpuProblem);
    }
    profile = profile == null ? Profile.MIXED : profile;
    queue = queue == null || queue.isBlank() ? DEFAULT_QUEUE : queue;
    user = user == null || user.isBlank() ? "anonymous" : user;
    constraints = constraints == null ? List.of() : List.copyOf(constraints);
    tolerations = tolerations == null ? List.of() : List.copyOf(tolerations);
    affinity = affinity == null ? List.of() : List.copyOf(affinity);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
  }

  /** A task with nothing for an agent to run (simulations and planner tests). */
  public TaskSpec(String id, String job, Resources resources, Profile profile, int priority, String queue, String user,
      long submitMillis, long estimateMillis, long deadlineMillis, List<LabelConstraint> constraints,
      List<Toleration> tolerations, List<AffinityRule> affinity, Map<String, String> labels, String gang, int gangSize,
      boolean preemptible, List<String> dependsOn) {
    this(id, job, resources, profile, priority, queue, user, submitMillis, estimateMillis, deadlineMillis, constraints,
        tolerations, affinity, labels, gang, gangSize, preemptible, dependsOn, null);
  }

  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** The same task under another id (the job and everything else kept). */
  /**
   * Whether {@code other} is this task under another id: {@code other.equals(withId(other.id()))},
   * without building that copy (submitting an array compares each copy with the first).
   */
  public boolean equalsButId(TaskSpec other) {
    return other != null && priority == other.priority && submitMillis == other.submitMillis
        && estimateMillis == other.estimateMillis && deadlineMillis == other.deadlineMillis
        && gangSize == other.gangSize && preemptible == other.preemptible && profile == other.profile
        && Objects.equals(job, other.job) && Objects.equals(resources, other.resources)
        && Objects.equals(queue, other.queue) && Objects.equals(user, other.user)
        && Objects.equals(constraints, other.constraints) && Objects.equals(tolerations, other.tolerations)
        && Objects.equals(affinity, other.affinity) && Objects.equals(labels, other.labels)
        && Objects.equals(gang, other.gang) && Objects.equals(dependsOn, other.dependsOn)
        && Objects.equals(run, other.run);
  }

  public TaskSpec withId(String newId) {
    return new TaskSpec(newId, job, resources, profile, priority, queue, user, submitMillis, estimateMillis,
        deadlineMillis, constraints, tolerations, affinity, labels, gang, gangSize, preemptible, dependsOn, run);
  }

  public Builder toBuilder() {
    Builder b = new Builder(id);
    b.job = job; b.resources = resources; b.profile = profile; b.priority = priority; b.queue = queue;
    b.user = user; b.submitMillis = submitMillis; b.estimateMillis = estimateMillis;
    b.deadlineMillis = deadlineMillis; b.constraints = constraints; b.tolerations = tolerations;
    b.affinity = affinity; b.labels = labels; b.gang = gang; b.gangSize = gangSize;
    b.preemptible = preemptible; b.dependsOn = dependsOn; b.run = run;
    return b;
  }

  /** Fluent construction with the defaults of the concept table. */
  public static final class Builder {
    private final String id;
    private String job;
    private Resources resources = Resources.ZERO;
    private Profile profile = Profile.MIXED;
    private int priority = DEFAULT_PRIORITY;
    private String queue = DEFAULT_QUEUE;
    private String user;
    private long submitMillis;
    private long estimateMillis;
    private long deadlineMillis;
    private List<LabelConstraint> constraints = List.of();
    private List<Toleration> tolerations = List.of();
    private List<AffinityRule> affinity = List.of();
    private Map<String, String> labels = Map.of();
    private String gang;
    private int gangSize;
    private boolean preemptible = true;
    private List<String> dependsOn = List.of();
    private TaskRun run;

    private Builder(String id) {
      this.id = id;
    }

    public Builder job(String v) { job = v; return this; }
    public Builder resources(Resources v) { resources = v; return this; }
    public Builder profile(Profile v) { profile = v; return this; }
    public Builder priority(int v) { priority = v; return this; }
    public Builder queue(String v) { queue = v; return this; }
    public Builder user(String v) { user = v; return this; }
    public Builder submitMillis(long v) { submitMillis = v; return this; }
    public Builder estimateMillis(long v) { estimateMillis = v; return this; }
    public Builder deadlineMillis(long v) { deadlineMillis = v; return this; }
    public Builder constraints(List<LabelConstraint> v) { constraints = v; return this; }
    public Builder tolerations(List<Toleration> v) { tolerations = v; return this; }
    public Builder affinity(List<AffinityRule> v) { affinity = v; return this; }
    public Builder labels(Map<String, String> v) { labels = v; return this; }
    public Builder gang(String v, int size) { gang = v; gangSize = size; return this; }
    public Builder preemptible(boolean v) { preemptible = v; return this; }
    public Builder dependsOn(List<String> v) { dependsOn = v; return this; }
    public Builder run(TaskRun v) { run = v; return this; }

    public TaskSpec build() {
      return new TaskSpec(id, job, resources, profile, priority, queue, user, submitMillis, estimateMillis,
          deadlineMillis, constraints, tolerations, affinity, labels, gang, gangSize, preemptible, dependsOn, run);
    }
  }
}
