package dev.weft.bench.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.server.runtime.RunResult;
import dev.weft.server.runtime.RuntimeClock;
import dev.weft.server.runtime.WorkflowRuntime;
import dev.weft.store.Database;
import dev.weft.store.GroupCommitter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Weft durable: {@link WorkflowRuntime#run} on an H2 file database, the journal (events,
 * snapshots, outbox) kept. With one thread each instance commits its own transactions; with
 * more, each instance's run is submitted to a {@link GroupCommitter} so that concurrent instances
 * share a commit. Either way {@code run} returns only after the instance's end is committed.
 */
final class WeftDurableEngine implements Engine {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Database db;
  private final WorkflowRuntime runtime;
  private final AtomicLong ids = new AtomicLong();
  private GroupCommitter group;

  WeftDurableEngine(Path dir) {
    this.db = Database.open("jdbc:h2:file:" + dir.resolve("weft").toAbsolutePath());
    this.runtime = new WorkflowRuntime(db, RuntimeClock.system(), () -> "d" + ids.incrementAndGet(), Duration.ofSeconds(10));
  }

  @Override
  public String name() {
    return "weft-durable";
  }

  @Override
  public Runner prepare(BenchWorkflow workflow, int threads) {
    String document = workflow.document();
    GroupCommitter committer = threads > 1 ? groupCommitter() : null;
    return new Runner() {
      @Override
      public JsonNode run(Map<String, Object> input, boolean withOutput) {
        JsonNode in = JSON.valueToTree(input);
        String key = "k" + ids.incrementAndGet();
        Supplier<RunResult> work = () -> runtime.run(document, in, key);
        RunResult r = committer == null ? work.get() : committer.commit(work);
        if (!r.completed()) {
          throw new IllegalStateException(name() + ": instance " + r.instanceId() + " ended " + r.status() + " " + r.error());
        }
        return r.output();
      }

      @Override
      public void settle() {
        db.awaitWritten();
      }
    };
  }

  private synchronized GroupCommitter groupCommitter() {
    if (group == null) {
      group = db.groupCommitter(64, Duration.ZERO);
    }
    return group;
  }

  @Override
  public synchronized void close() {
    if (group != null) {
      group.close();
    }
    db.close();
  }
}
