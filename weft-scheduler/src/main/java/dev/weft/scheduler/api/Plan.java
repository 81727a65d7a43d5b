package dev.weft.scheduler.api;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the scheduler decided in one round. Preemptions are applied before placements: a
 * placement may use room its preemptions free. Every pending task left unplaced is explained:
 * individually, or as one of a group waiting for the same reason ({@link Waiting}), which keeps a
 * round with a long backlog from building one explanation object per waiting task. The explicit
 * explanation of a task wins over its group's.
 */
public final class Plan {
  private final List<Placement> placements;
  private final List<Preemption> preemptions;
  private final List<Reservation> reservations;
  private final Map<String, Explanation> explicit;
  private final List<Waiting> waiting;
  private Map<String, Explanation> all;

  public Plan(List<Placement> placements, List<Preemption> preemptions, List<Reservation> reservations,
              Map<String, Explanation> explanations) {
    this(placements, preemptions, reservations, explanations, List.of());
  }

  public Plan(List<Placement> placements, List<Preemption> preemptions, List<Reservation> reservations,
              Map<String, Explanation> explanations, List<Waiting> waiting) {
    this.placements = List.copyOf(placements);
    this.preemptions = List.copyOf(preemptions);
    this.reservations = List.copyOf(reservations);
    this.explicit = Collections.unmodifiableMap(new LinkedHashMap<>(explanations));
    this.waiting = List.copyOf(waiting);
  }

  public List<Placement> placements() {
    return placements;
  }

  public List<Preemption> preemptions() {
    return preemptions;
  }

  public List<Reservation> reservations() {
    return reservations;
  }

  public List<Waiting> waiting() {
    return waiting;
  }

  /** Every unplaced task's explanation, by task id (built on first use). */
  public synchronized Map<String, Explanation> explanations() {
    if (all == null) {
      Map<String, Explanation> m = new LinkedHashMap<>(explicit);
      Set<String> placed = new HashSet<>();
      placements.forEach(p -> placed.add(p.taskId()));
      for (Waiting w : waiting) {
        for (String id : w.taskIds()) {
          if (!placed.contains(id)) {
            m.putIfAbsent(id, new Explanation(id, w.summary(), Map.of()));
          }
        }
      }
      all = Collections.unmodifiableMap(m);
    }
    return all;
  }

  /** Why a task is pending, or empty when it was placed or never seen. */
  public Optional<Explanation> explain(String taskId) {
    Explanation e = explicit.get(taskId);
    return e != null ? Optional.of(e) : Optional.ofNullable(explanations().get(taskId));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Plan p && placements.equals(p.placements) && preemptions.equals(p.preemptions)
        && reservations.equals(p.reservations) && explanations().equals(p.explanations());
  }

  @Override
  public int hashCode() {
    return Objects.hash(placements, preemptions, reservations, explanations());
  }

  @Override
  public String toString() {
    return "Plan[placements=" + placements + ", preemptions=" + preemptions + ", reservations=" + reservations
        + ", explanations=" + explanations() + "]";
  }
}
