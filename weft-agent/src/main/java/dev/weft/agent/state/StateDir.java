package dev.weft.agent.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The agent's state directory: {@code DIR/tasks/<taskId>.json} (a {@link TaskRecord}, written
 * atomically once the task has started, removed once its outcome is known) and
 * {@code DIR/tasks/<taskId>.exit} (the exit status, written by the task's wrapper shell); and
 * {@code DIR/node-secret.json}, the node secret the server's join answered.
 */
public final class StateDir {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path dir;
  private final Path tasks;

  public StateDir(Path dir) {
    this.dir = dir;
    this.tasks = dir.resolve("tasks");
    try {
      Files.createDirectories(tasks);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the state directory " + tasks, e);
    }
  }

  /** Where the node secret is kept (see {@link dev.weft.agent.protocol.NodeSecret}). */
  public Path nodeSecretFile() {
    return dir.resolve("node-secret.json");
  }

  public Path exitFile(String taskId) {
    return tasks.resolve(safe(taskId) + ".exit");
  }

  /** Where a task's stdin is written for its process to read; removed once the process has it open. */
  public Path stdinFile(String taskId) {
    return tasks.resolve(safe(taskId) + ".stdin");
  }

  public void write(TaskRecord r) {
    Path file = recordFile(r.taskId());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      JSON.writeValue(tmp.toFile(), r);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Forgets a task: its record, exit file and stdin file. Idempotent. */
  public void forget(String taskId) {
    try {
      Files.deleteIfExists(recordFile(taskId));
      Files.deleteIfExists(exitFile(taskId));
      Files.deleteIfExists(stdinFile(taskId));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the state of task " + taskId + " in " + tasks, e);
    }
  }

  /** The exit status the wrapper wrote, if it got that far. */
  public Optional<Integer> exitCode(String taskId) {
    Path f = exitFile(taskId);
    try {
      if (!Files.exists(f)) {
        return Optional.empty();
      }
      String text = Files.readString(f).trim();
      return text.isEmpty() ? Optional.empty() : Optional.of(Integer.parseInt(text));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Every task record left here, e.g. by an agent that stopped without finishing its tasks. */
  public List<TaskRecord> records() {
    List<TaskRecord> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(tasks)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        out.add(JSON.readValue(f.toFile(), TaskRecord.class));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the task records in " + tasks, e);
    }
    return out;
  }

  private Path recordFile(String taskId) {
    return tasks.resolve(safe(taskId) + ".json");
  }

  private static String safe(String taskId) {
    return taskId.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
