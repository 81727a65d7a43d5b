package dev.weft.server.scheduling;

import dev.weft.model.TaskSpec;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The specs of tasks this server has just stored, as the scheduler would read them back
 * ({@link SpecJson#task}), so the leader's next round takes them from here instead of fetching and
 * parsing their rows. Each is taken once, and only for a row submitted at the time it was stored
 * with (a task id is never stored twice, and a spec never changes once stored). At most
 * {@link #CAPACITY} are kept, the oldest dropped first (a server that is not the leader never takes
 * them; a dropped spec is fetched as any other). Thread-safe.
 */
public final class SubmittedSpecs {
  /** The most specs kept. */
  public static final int CAPACITY = 100_000;
  private final int capacity;
  private final Map<String, TaskSpec> byId = new LinkedHashMap<>();

  public SubmittedSpecs() {
    this(CAPACITY);
  }

  SubmittedSpecs(int capacity) {
    this.capacity = capacity;
  }

  synchronized void add(Map<String, TaskSpec> specs) {
    byId.putAll(specs);
    var eldest = byId.entrySet().iterator();
    while (byId.size() > capacity && eldest.hasNext()) {
      eldest.next();
      eldest.remove();
    }
  }

  /** The spec of task {@code id} stored as submitted at {@code submittedAt}, taken; null when not kept. */
  synchronized TaskSpec take(String id, Instant submittedAt) {
    TaskSpec spec = byId.remove(id);
    return spec != null && spec.submitMillis() == submittedAt.toEpochMilli() ? spec : null;
  }
}
