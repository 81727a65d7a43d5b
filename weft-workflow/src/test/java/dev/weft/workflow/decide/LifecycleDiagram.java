package dev.weft.workflow.decide;

import dev.weft.workflow.decide.InstanceState.Status;
import dev.weft.workflow.decide.Lifecycle.Effect;
import dev.weft.workflow.decide.Lifecycle.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Draws {@link Lifecycle}'s table as a Mermaid state diagram: one arrow per (from, to) with the event kinds on it. */
final class LifecycleDiagram {
  private LifecycleDiagram() {}

  static String mermaid() {
    Map<String, List<String>> arrows = new LinkedHashMap<>();
    Map<Status, Map<Kind, Effect>> table = Lifecycle.table();
    for (Status from : Status.values()) {
      for (Kind kind : Kind.values()) {
        Effect effect = table.getOrDefault(from, Map.of()).get(kind);
        if (effect == null) {
          continue;
        }
        for (Status to : targets(effect)) {
          String label = label(kind) + (effect == Effect.RECORD ? " (record)" : "");
          arrows.computeIfAbsent(from + " --> " + to, k -> new ArrayList<>()).add(label);
        }
      }
    }
    StringBuilder sb = new StringBuilder("stateDiagram-v2\n    [*] --> PENDING\n");
    arrows.forEach((arrow, labels) -> sb.append("    ").append(arrow).append(": ")
        .append(String.join(", ", labels).replace(" (record), ", ", ")).append('\n'));
    return sb.toString();
  }

  private static List<Status> targets(Effect e) {
    return switch (e) {
      case RUN, RECORD_AND_RUN -> List.of(Status.RUNNING, Status.COMPLETED, Status.FAULTED);
      case RECORD, SUSPEND -> List.of(Status.SUSPENDED);
      case CANCEL -> List.of(Status.CANCELLED);
      case RETRY -> List.of(Status.RUNNING);
    };
  }

  private static String label(Kind k) {
    return k.name().toLowerCase(Locale.ROOT);
  }
}
