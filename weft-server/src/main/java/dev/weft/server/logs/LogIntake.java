package dev.weft.server.logs;

import dev.weft.server.scheduling.RunId;
import dev.weft.server.scheduling.TaskSecrets;
import dev.weft.store.Database;
import dev.weft.store.LogAppend;
import dev.weft.store.LogExtent;
import dev.weft.store.LogPiece;
import dev.weft.store.TaskRecord;
import dev.weft.store.TaskStream;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes the output agents ship: each piece is stored once by offset (see {@link LogAppend}), the
 * newest {@link #KEEP_PER_STREAM} bytes of a stream kept (older ones let go as new ones come), and
 * every piece answered with where the server now is on its stream. A piece of an unknown task, of an
 * attempt the task has not reached, of the current attempt of a task placed on another node than
 * the shipping agent's, or of an earlier attempt that ran elsewhere (its node was recorded when it
 * was queued again; an attempt with no node recorded was never placed, or was queued again by a
 * version before V22, and takes no output), is not stored and answered full and ended, so the agent
 * sends no more of it. The secret
 * values of a workflow task are overwritten by {@code *} in each piece (same length, so offsets
 * hold); a value split across two pieces is not found (see docs/cluster.md).
 */
public final class LogIntake {
  /** The newest bytes kept of each stream of each attempt: 8 MiB (in whole chunks, so up to a chunk more). */
  public static final long KEEP_PER_STREAM = 8L * 1024 * 1024;

  /** One piece as the agent protocol carries it; {@code run} names task and attempt. */
  public record Piece(RunId run, TaskStream stream, long offset, byte[] data, long written, boolean last) {}

  /**
   * Where the server is on a piece's stream.
   *
   * @param full no more bytes are wanted (the piece was ignored: its task or attempt is gone)
   * @param ignored why the piece was not stored, or null
   */
  public record Ack(String runId, TaskStream stream, long kept, boolean full, boolean ended, String ignored) {}

  private final Database db;
  private final LogBell bell;
  private final InstantSource clock;
  private final long keep;
  private final TaskSecrets secrets;

  public LogIntake(Database db, LogBell bell, InstantSource clock) {
    this(db, bell, clock, KEEP_PER_STREAM, TaskSecrets.NONE);
  }

  /** @param secrets hides the secret values of workflow tasks in each piece before it is stored */
  public LogIntake(Database db, LogBell bell, InstantSource clock, TaskSecrets secrets) {
    this(db, bell, clock, KEEP_PER_STREAM, secrets);
  }

  /** @param keep the bytes kept of each stream (tests use small ones) */
  public LogIntake(Database db, LogBell bell, InstantSource clock, long keep) {
    this(db, bell, clock, keep, TaskSecrets.NONE);
  }

  private LogIntake(Database db, LogBell bell, InstantSource clock, long keep, TaskSecrets secrets) {
    this.db = db;
    this.bell = bell;
    this.clock = clock;
    this.keep = keep;
    this.secrets = secrets;
  }

  /** Stores the pieces {@code nodeId}'s agent shipped, in order, each in its own transaction; answers one ack per piece. */
  public List<Ack> take(String nodeId, List<Piece> pieces) {
    Map<String, Optional<TaskRecord>> tasks = new HashMap<>();
    Map<RunId, Optional<String>> earlier = new HashMap<>();
    List<Ack> acks = new ArrayList<>();
    boolean stored = false;
    for (Piece p : pieces) {
      String runId = p.run().toString();
      Optional<TaskRecord> task = tasks.computeIfAbsent(p.run().taskId(), id -> db.tasks().find(id));
      String refused = refusal(nodeId, p.run(), task, earlier);
      if (refused != null) {
        acks.add(new Ack(runId, p.stream(), p.offset(), true, true, refused));
        continue;
      }
      LogExtent after = db.taskLogs().append(new LogPiece(p.run().taskId(), p.run().attempt(), p.stream(), p.offset(),
          secrets.hideInLog(p.run().taskId(), p.data()), p.written(), p.last()), keep, clock.instant());
      stored = true;
      acks.add(new Ack(runId, p.stream(), after.kept(), false, after.ended(), null));
    }
    if (stored) {
      bell.ring();
    }
    return acks;
  }

  /** Why {@code nodeId} may not store output of {@code run}, or null when it may. */
  private String refusal(String nodeId, RunId run, Optional<TaskRecord> task, Map<RunId, Optional<String>> earlier) {
    if (task.isEmpty()) {
      return "no task " + run.taskId();
    }
    TaskRecord t = task.get();
    if (run.attempt() > t.attempt()) {
      return "task " + run.taskId() + " is at attempt " + t.attempt() + ", not " + run.attempt();
    }
    if (run.attempt() == t.attempt()) {
      return nodeId.equals(t.nodeId()) ? null
          : "task " + run.taskId() + " attempt " + run.attempt() + " is not on node " + nodeId;
    }
    Optional<String> ranOn = earlier.computeIfAbsent(run, r -> db.tasks().nodeOfEarlierAttempt(r.taskId(), r.attempt()));
    return ranOn.isPresent() && ranOn.get().equals(nodeId) ? null
        : "task " + run.taskId() + " attempt " + run.attempt() + " did not run on node " + nodeId
            + ranOn.map(n -> " (it ran on " + n + ")").orElse(" (no node is recorded for it)");
  }
}
