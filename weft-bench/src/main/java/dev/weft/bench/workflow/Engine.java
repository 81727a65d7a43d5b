package dev.weft.bench.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One engine under test, opened once for the whole bench. {@link #prepare} deploys one
 * workflow and returns what runs its instances; it is called before any timing.
 */
public interface Engine extends AutoCloseable {
  /** The name in the report: weft-memory, weft-durable, sdk-java, flowable. */
  String name();

  /**
   * Deploys the workflow for {@code threads} concurrent callers.
   *
   * @throws UnsupportedOperationException when this engine cannot run the workflow (said in the report)
   */
  Runner prepare(BenchWorkflow workflow, int threads);

  @Override
  void close();

  /** Runs instances of one deployed workflow; called from several threads at once. */
  interface Runner {
    /**
     * Runs one instance to its end and returns once the engine reports it ended (for a durable
     * engine: once its end is committed). Returns its output when {@code withOutput}, else may
     * return null (an engine whose output costs extra queries skips them while timed).
     *
     * @throws IllegalStateException when the instance did not complete
     */
    JsonNode run(Map<String, Object> input, boolean withOutput);

    /**
     * Returns once the engine has done the background work the runs so far left behind (for
     * weft-durable: the creations committed through weft-store's intake inserted into H2's tables).
     * Called at the end of each timed iteration, inside its time, so no engine's deferred work
     * lands in another engine's cell.
     */
    default void settle() {}
  }
}
