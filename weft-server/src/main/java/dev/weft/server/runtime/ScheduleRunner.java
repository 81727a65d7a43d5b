package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.weft.store.Database;
import dev.weft.store.Definition;
import dev.weft.store.DefinitionStore;
import dev.weft.store.Instance;
import dev.weft.store.InstanceStore;
import dev.weft.workflow.schedule.Schedule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Starts instances of scheduled definitions when they are due. For each stored name, the latest
 * version's {@code schedule} is asked for the latest start due now (the definition's storing
 * time is the anchor); that start is created with idempotency key and id derived from
 * {@code name@version@dueMillis}, so any number of servers calling {@link #runDue} at once start
 * it once. Starts missed while no server ran are not made up: only the latest is made. Instances
 * are created with input {@code {}} and their {@code Started} decision recorded; carrying them
 * out is the runtime's job ({@link WorkflowRuntime#drive}, {@link WorkflowRuntime#resume}).
 * {@code schedule.on} (start on events) is not handled here.
 */
public final class ScheduleRunner {
  private final DefinitionStore store;
  private final InstanceStore instances;
  private final Definitions definitions;
  private final WorkflowRuntime runtime;
  private final RuntimeClock clock;
  /** For {@code after}: the due time of the newest run found so far, per name@version, so the chain is walked once. */
  private final Map<String, Long> chainHead = new HashMap<>();

  public ScheduleRunner(Database db, WorkflowRuntime runtime, RuntimeClock clock) {
    this.store = db.definitions();
    this.instances = db.instances();
    this.definitions = new Definitions(store);
    this.runtime = runtime;
    this.clock = clock;
  }

  /** Starts what is due now; returns the ids of the instances for the due starts (new, or made earlier by any server). */
  public List<String> runDue() {
    long now = clock.nowMillis();
    List<String> started = new ArrayList<>();
    for (String name : store.names()) {
      Definition def = store.latest(name).orElseThrow();
      Optional<Schedule> schedule = Schedule.of(definitions.decider(name, def.version()).plan().document());
      if (schedule.isEmpty()) {
        continue;
      }
      long anchor = def.storedAt().toEpochMilli();
      OptionalLong due = schedule.get() instanceof Schedule.After after
          ? afterChain(def, after, anchor, now)
          : schedule.get().latestDue(anchor, now, OptionalLong.empty(), false);
      if (due.isPresent()) {
        String key = key(def, due.getAsLong());
        started.add(runtime.start(def, JsonNodeFactory.instance.objectNode(), key, idOf(key)));
      }
    }
    return started;
  }

  /** Walks the runs of an {@code after} schedule (each due when the previous ended plus the delay) to the newest. */
  private OptionalLong afterChain(Definition def, Schedule.After after, long anchor, long now) {
    String chain = def.name() + "@" + def.version();
    long due = chainHead.getOrDefault(chain, anchor);
    OptionalLong previousEnd = OptionalLong.empty();
    while (true) {
      Optional<Instance> run = instances.find(idOf(key(def, due)));
      if (run.isEmpty()) {
        break;
      }
      chainHead.put(chain, due);
      if (!run.get().status().terminal()) {
        return after.latestDue(anchor, now, OptionalLong.empty(), true);
      }
      previousEnd = OptionalLong.of(run.get().updatedAt().toEpochMilli());
      due = previousEnd.getAsLong() + after.millis();
    }
    return after.latestDue(anchor, now, previousEnd, false);
  }

  static String key(Definition def, long dueMillis) {
    return "schedule:" + def.name() + "@" + def.version() + "@" + dueMillis;
  }

  static String idOf(String key) {
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
