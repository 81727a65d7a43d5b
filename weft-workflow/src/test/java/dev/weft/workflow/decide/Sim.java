package dev.weft.workflow.decide;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.workflow.plan.PlanCompiler;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Feeds events one by one to a decider and keeps the state, the last commands and the (status, kind) pairs visited. */
final class Sim {
  final Decider decider;
  InstanceState state = InstanceState.initial("wf-1");
  List<Command> last = List.of();
  final List<Command> all = new ArrayList<>();
  final Set<String> visited = new HashSet<>();
  long now = 1_000;

  Sim(String body) {
    decider = new Decider(PlanCompiler.compile(Driver.HEAD + body));
  }

  List<Command> feed(Event e) {
    visited.add(state.status() + " " + Lifecycle.kindOf(e));
    Decision d = decider.decide(state, e, now);
    state = d.state();
    last = d.commands();
    all.addAll(last);
    return last;
  }

  List<Command> start(String input) {
    return feed(new Event.Started(Driver.json(input), null));
  }

  List<Command> deliver(String cloudEventYaml) {
    return feed(new Event.EventReceived(Driver.json(cloudEventYaml)));
  }

  Command only() {
    if (last.size() != 1) {
      throw new AssertionError("expected one command, got " + last);
    }
    return last.get(0);
  }

  JsonNode output() {
    if (last.isEmpty() || !(last.getLast() instanceof Command.Complete c)) {
      throw new AssertionError("expected completion, got " + last + " in " + state.status());
    }
    return c.output();
  }
}
