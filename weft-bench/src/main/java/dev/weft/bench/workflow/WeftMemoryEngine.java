package dev.weft.bench.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.server.runtime.InMemoryRunner;
import dev.weft.server.runtime.RunResult;
import dev.weft.server.runtime.RuntimeClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Weft with no store: {@link InMemoryRunner}, the plan compiled once per workflow. */
final class WeftMemoryEngine implements Engine {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final AtomicLong ids = new AtomicLong();

  @Override
  public String name() {
    return "weft-memory";
  }

  @Override
  public Runner prepare(BenchWorkflow workflow, int threads) {
    InMemoryRunner runner = new InMemoryRunner(workflow.document(), RuntimeClock.system(),
        () -> "m" + ids.incrementAndGet(), Duration.ofSeconds(10));
    return (input, withOutput) -> {
      RunResult r = runner.run(JSON.valueToTree(input));
      if (!r.completed()) {
        throw new IllegalStateException(name() + ": instance " + r.instanceId() + " ended " + r.status() + " " + r.error());
      }
      return r.output();
    };
  }

  @Override
  public void close() {}
}
