package dev.weft.cli.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A backfill seen in the records: {@code task} was placed on {@code node} at {@code at} while
 * {@code ahead}, a task of the same queue that comes before it in that queue's order, had been
 * waiting since {@code aheadSubmitted} and was placed only later, at {@code aheadPlaced}.
 */
record Backfill(String task, String node, Instant at, String ahead, Instant aheadSubmitted, Instant aheadPlaced,
                String order) {

  /**
   * Every attempt placed while a task ahead of it in its queue's order waited (the first such task
   * named). The order is the leaf policy's: {@code sjf} by estimate, {@code priority} by priority,
   * otherwise by submission; ties by submission. A task placed in the same round as the one ahead
   * is not a backfill.
   */
  static List<Backfill> find(List<TaskStory> stories, Map<String, String> policies) {
    List<Backfill> out = new ArrayList<>();
    for (TaskStory b : stories) {
      for (Attempt a : b.attempts()) {
        if (a.placedAt() == null) {
          continue;
        }
        Comparator<TaskStory> order = order(policies.getOrDefault(b.queue(), "fcfs"));
        stories.stream()
            .filter(w -> w != b && w.queue().equals(b.queue()) && w.submittedAt() != null
                && !w.submittedAt().isAfter(a.placedAt()) && w.firstPlaced() != null
                && w.firstPlaced().isAfter(a.placedAt()) && order.compare(w, b) < 0)
            .findFirst()
            .ifPresent(w -> out.add(new Backfill(b.id(), a.node(), a.placedAt(), w.id(), w.submittedAt(),
                w.firstPlaced(), why(policies.getOrDefault(b.queue(), "fcfs"), w, b))));
      }
    }
    out.sort(Comparator.comparing(Backfill::at));
    return out;
  }

  private static Comparator<TaskStory> order(String policy) {
    Comparator<TaskStory> bySubmission = Comparator.comparing(TaskStory::submittedAt);
    return switch (policy) {
      case "sjf" -> Comparator.comparingLong(TaskStory::estimateMillis).thenComparing(bySubmission);
      case "priority" -> Comparator.comparingInt((TaskStory t) -> -t.priority()).thenComparing(bySubmission);
      default -> bySubmission;
    };
  }

  private static String why(String policy, TaskStory ahead, TaskStory behind) {
    return switch (policy) {
      case "sjf" -> "sjf: estimate " + Summary.seconds(ahead.estimateMillis()) + " before "
          + Summary.seconds(behind.estimateMillis());
      case "priority" -> "priority " + ahead.priority() + " before " + behind.priority();
      default -> "submitted earlier";
    };
  }
}
