package dev.weft.workflow.decide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.weft.workflow.plan.PlanCompiler;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * A tiny in-test runtime: feeds events to the decider and answers its commands at once
 * (square: x*x; http, shell, workflow, emit, listen: the given answerer; timers: fire at their
 * time, moving the test clock).
 */
final class Driver {
  static final YAMLMapper YAML = new YAMLMapper();
  static final String HEAD = "document: { dsl: '1.0.0', namespace: test, name: demo, version: '0.1.0' }\n";

  final Decider decider;
  final List<Decision> decisions = new ArrayList<>();
  final List<Command> commands = new ArrayList<>();
  final List<Event> events = new ArrayList<>();
  final List<Long> nows = new ArrayList<>();
  Function<Command, Event> answerer = c -> null;
  InstanceState state = InstanceState.initial("wf-1");
  long now = 1_000;

  Driver(String body) {
    decider = new Decider(PlanCompiler.compile(HEAD + body));
  }

  static JsonNode json(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  Driver answering(Function<Command, Event> answerer) {
    this.answerer = answerer;
    return this;
  }

  /** Runs to the end; returns the final command (Complete or Fail). */
  Command run(String input) {
    Deque<Event> queue = new ArrayDeque<>();
    queue.add(new Event.Started(json(input), json("apiKey: s3cret")));
    for (int guard = 0; guard < 1000 && !queue.isEmpty(); guard++) {
      Event e = queue.poll();
      events.add(e);
      nows.add(now);
      Decision d = decider.decide(state, e, now);
      decisions.add(d);
      state = d.state();
      for (Command c : d.commands()) {
        commands.add(c);
        if (c instanceof Command.Complete || c instanceof Command.Fail) {
          return c;
        }
        Event answer = answer(c);
        if (answer != null) {
          queue.add(answer);
        }
      }
    }
    throw new AssertionError("did not finish: " + state);
  }

  private Event answer(Command c) {
    Event custom = answerer.apply(c);
    if (custom != null) {
      return custom;
    }
    return switch (c) {
      case Command.CallService s when s.service().equals("square") ->
          new Event.CommandCompleted(s.id(), JsonNodeFactory.instance.numberNode(s.with().get("x").asInt() * s.with().get("x").asInt()));
      case Command.StartTimer t -> {
        now = Math.max(now, t.fireAtMillis());
        yield new Event.TimerFired(t.id());
      }
      default -> new Event.CommandCompleted(c.id(), JsonNodeFactory.instance.nullNode());
    };
  }

  JsonNode output(String input) {
    Command last = run(input);
    if (last instanceof Command.Complete c) {
      return c.output();
    }
    throw new AssertionError("expected completion, got " + last);
  }

  JsonNode error(String input) {
    Command last = run(input);
    if (last instanceof Command.Fail f) {
      return f.error();
    }
    throw new AssertionError("expected a fault, got " + last);
  }
}
