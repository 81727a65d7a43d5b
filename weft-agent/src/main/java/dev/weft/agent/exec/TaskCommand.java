package dev.weft.agent.exec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What to run for one task.
 *
 * @param taskId the task's id, unique on this agent while it runs (also names its logs and cgroup)
 * @param argv the program and its arguments (a shell command is {@code sh -c COMMAND}, see {@link #shell})
 * @param env variables added to the agent's environment
 * @param workDir the working directory, or null for the agent's own
 * @param cpuMillis the cpu request (1000 = one core), 0 = no limit
 * @param memoryMiB the memory request, 0 = no limit
 * @param timeout how long the task may run, or {@link Duration#ZERO} for no limit
 * @param grace how long a stopped task gets between SIGTERM and SIGKILL
 * @param builtin the name of a builtin executor run inside the agent (see {@link Builtins}), or null
 *     for a program ({@code argv} is then empty)
 * @param stdin what the program reads on its standard input, or null for nothing ({@code /dev/null})
 */
public record TaskCommand(String taskId, List<String> argv, Map<String, String> env, Path workDir, long cpuMillis,
    long memoryMiB, Duration timeout, Duration grace, String builtin, String stdin) {
  public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

  public TaskCommand {
    if (taskId == null || taskId.isBlank()) {
      throw new IllegalArgumentException("taskId: must not be blank");
    }
    if ((argv == null || argv.isEmpty()) == (builtin == null)) {
      throw new IllegalArgumentException("task " + taskId + ": give either argv or a builtin");
    }
    if (builtin != null && stdin != null) {
      throw new IllegalArgumentException("task " + taskId + ": a builtin reads no stdin");
    }
    if (cpuMillis < 0 || memoryMiB < 0) {
      throw new IllegalArgumentException("task " + taskId + ": cpu and memory cannot be negative");
    }
    argv = argv == null ? List.of() : List.copyOf(argv);
    env = env == null ? Map.of() : Map.copyOf(env);
    timeout = timeout == null ? Duration.ZERO : timeout;
    grace = grace == null ? DEFAULT_GRACE : grace;
  }

  /** A program and its arguments, or a builtin; nothing on stdin. */
  public TaskCommand(String taskId, List<String> argv, Map<String, String> env, Path workDir, long cpuMillis,
                     long memoryMiB, Duration timeout, Duration grace, String builtin) {
    this(taskId, argv, env, workDir, cpuMillis, memoryMiB, timeout, grace, builtin, null);
  }

  /** A program and its arguments. */
  public TaskCommand(String taskId, List<String> argv, Map<String, String> env, Path workDir, long cpuMillis,
                     long memoryMiB, Duration timeout, Duration grace) {
    this(taskId, argv, env, workDir, cpuMillis, memoryMiB, timeout, grace, null, null);
  }

  /** The builtin {@code name}, with no limits, timeout or extra environment. */
  public static TaskCommand builtin(String taskId, String name) {
    return new TaskCommand(taskId, List.of(), Map.of(), null, 0, 0, Duration.ZERO, DEFAULT_GRACE, name);
  }

  public boolean isBuiltin() {
    return builtin != null;
  }

  /** A task that runs {@code sh -c command}, with no limits, timeout or extra environment. */
  public static TaskCommand shell(String taskId, String command) {
    return new TaskCommand(taskId, List.of("sh", "-c", command), Map.of(), null, 0, 0, Duration.ZERO, DEFAULT_GRACE);
  }

  public TaskCommand withLimits(long cpu, long memory) {
    return new TaskCommand(taskId, argv, env, workDir, cpu, memory, timeout, grace, builtin, stdin);
  }

  public TaskCommand withTimeout(Duration t, Duration g) {
    return new TaskCommand(taskId, argv, env, workDir, cpuMillis, memoryMiB, t, g, builtin, stdin);
  }

  public TaskCommand withEnv(Map<String, String> e) {
    return new TaskCommand(taskId, argv, e, workDir, cpuMillis, memoryMiB, timeout, grace, builtin, stdin);
  }

  /** The same command reading {@code text} on its standard input. */
  public TaskCommand withStdin(String text) {
    return new TaskCommand(taskId, argv, env, workDir, cpuMillis, memoryMiB, timeout, grace, builtin, text);
  }

  public TaskCommand inDir(Path dir) {
    return new TaskCommand(taskId, argv, env, dir, cpuMillis, memoryMiB, timeout, grace, builtin, stdin);
  }
}
