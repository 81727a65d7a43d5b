package dev.weft.workflow.decide;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EffectsAndFaultsTest {
  private static final String ERR = "https://serverlessworkflow.io/spec/1.0.0/errors/";

  @Test
  void aWaitBecomesATimerThatFiresRelativeToTheStart() {
    Driver d = new Driver("do:\n  - pause:\n      wait: PT5S\n  - after:\n      set: { ok: true }\n");
    assertThat(d.output("{}")).isEqualTo(Driver.json("ok: true"));
    assertThat(d.commands.get(0)).isEqualTo(new Command.StartTimer("wf-1/do/0/pause@1", "/do/0/pause", 6_000));
  }

  @Test
  void aWaitGivenAsAnObjectAddsItsParts() {
    Driver d = new Driver("do:\n  - pause:\n      wait: { minutes: 1, seconds: 2 }\n");
    d.run("{}");
    assertThat(((Command.StartTimer) d.commands.get(0)).fireAtMillis()).isEqualTo(1_000 + 62_000);
  }

  @Test
  void anHttpCallCarriesItsEvaluatedArgumentsAndYieldsTheResult() {
    Driver d = new Driver("do:\n  - get:\n      call: http\n      with: { method: get, endpoint: 'http://h/pets/{id}', query: { id: '${ .id }' } }\n")
        .answering(c -> c instanceof Command.CallHttp h ? new Event.CommandCompleted(h.id(), Driver.json("name: rex")) : null);
    assertThat(d.output("id: 7")).isEqualTo(Driver.json("name: rex"));
    assertThat(d.commands.get(0)).isEqualTo(new Command.CallHttp("wf-1/do/0/get@1", "/do/0/get",
        Driver.json("{method: get, endpoint: 'http://h/pets/7', query: { id: 7 }}")));
  }

  @Test
  void shellWorkflowEmitAndListenBecomeTheirCommands() {
    Driver d = new Driver("""
        do:
          - sh:
              run: { shell: { command: 'echo ${ .x }' } }
          - sub:
              run: { workflow: { namespace: test, name: child, version: '1.0.0', input: { y: 1 } } }
          - tell:
              emit: { event: { with: { source: 'https://weft.dev', type: done } } }
          - hear:
              listen: { to: { one: { with: { type: ping } } } }
        """).answering(c -> c instanceof Command.Listen l ? new Event.CommandCompleted(l.id(), Driver.json("[{type: ping}]")) : null);
    assertThat(d.output("x: 1")).isEqualTo(Driver.json("[{type: ping}]"));
    assertThat(d.commands).extracting(c -> c.getClass().getSimpleName())
        .containsExactly("RunShell", "RunWorkflow", "Emit", "Listen", "Complete");
    assertThat(((Command.RunWorkflow) d.commands.get(1)).input()).isEqualTo(Driver.json("y: 1"));
  }

  @Test
  void raiseFaultsTheInstanceWithAnRfc7807ErrorPointingAtTheStep() {
    Driver d = new Driver("do:\n  - no:\n      raise:\n        error: { type: '" + ERR + "validation', status: 400, title: '${ \"bad \" + .why }' }\n");
    assertThat(d.error("why: input")).isEqualTo(Driver.json(
        "{type: '" + ERR + "validation', status: 400, title: bad input, instance: /do/0/no}"));
    assertThat(d.state.status()).isEqualTo(InstanceState.Status.FAULTED);
  }

  @Test
  void aRaiseCanNameAnErrorDeclaredUnderUse() {
    Driver d = new Driver("use:\n  errors:\n    nope: { type: '" + ERR + "runtime', status: 500 }\ndo:\n  - no:\n      raise: { error: nope }\n");
    assertThat(d.error("{}").get("status").asInt()).isEqualTo(500);
  }

  @Test
  void anExpressionThatFailsAtRunTimeIsAnExpressionErrorAtItsStep() {
    Driver d = new Driver("do:\n  - s:\n      set: { v: '${ .a.b.c + 1 }' }\n");
    var error = d.error("a: 5");
    assertThat(error.get("type").asText()).isEqualTo(ERR + "expression");
    assertThat(error.get("instance").asText()).isEqualTo("/do/0/s");
  }

  @Test
  void aFailedCommandFaultsTheInstanceWithTheCommandsErrorAtTheStep() {
    Driver d = new Driver("do:\n  - sq:\n      call: square\n      with: { x: 2 }\n")
        .answering(c -> c instanceof Command.CallService s ? new Event.CommandFailed(s.id(),
            Driver.json("{type: '" + ERR + "communication', status: 503}")) : null);
    assertThat(d.error("{}")).isEqualTo(Driver.json("{type: '" + ERR + "communication', status: 503, instance: /do/0/sq}"));
  }

  @Test
  void aRetryWaitsWithExponentialBackoffAndRunsTheStepAgainUnderANewAttemptId() {
    AtomicInteger calls = new AtomicInteger();
    Driver d = new Driver("""
        do:
          - guarded:
              try:
                - sq:
                    call: square
                    with: { x: 3 }
              catch:
                errors: { with: { status: 503 } }
                retry:
                  delay: { seconds: 1 }
                  backoff: { exponential: {} }
                  limit: { attempt: { count: 5 } }
        """).answering(c -> c instanceof Command.CallService s && calls.incrementAndGet() < 3
            ? new Event.CommandFailed(s.id(), Driver.json("{type: '" + ERR + "communication', status: 503}")) : null);
    assertThat(d.output("{}")).isEqualTo(JsonNodeFactory.instance.numberNode(9));
    assertThat(d.commands).extracting(Command::id).containsExactly(
        "wf-1/do/0/guarded/try/0/sq@1", "wf-1/do/0/guarded@1/retry/1",
        "wf-1/do/0/guarded/try/0/sq@2", "wf-1/do/0/guarded@1/retry/2",
        "wf-1/do/0/guarded/try/0/sq@3", "");
    var timers = d.commands.stream().filter(c -> c instanceof Command.StartTimer).map(c -> (Command.StartTimer) c).toList();
    assertThat(timers.get(0).fireAtMillis()).isEqualTo(1_000 + 1_000);
    assertThat(timers.get(1).fireAtMillis()).isEqualTo(2_000 + 2_000);
  }

  @Test
  void aRetryStopsAtItsAttemptLimitAndTheErrorEscapes() {
    Driver d = new Driver("""
        do:
          - guarded:
              try:
                - sq: { call: square, with: { x: 3 } }
              catch:
                retry: { delay: PT1S, backoff: { constant: {} }, limit: { attempt: { count: 2 } } }
        """).answering(c -> c instanceof Command.CallService s
            ? new Event.CommandFailed(s.id(), Driver.json("{type: '" + ERR + "communication', status: 503}")) : null);
    var error = d.error("{}");
    assertThat(error.get("status").asInt()).isEqualTo(503);
    assertThat(d.commands.stream().filter(c -> c instanceof Command.CallService)).hasSize(2);
  }

  @Test
  void anErrorTheCatchFilterDoesNotMatchIsNotCaught() {
    Driver d = new Driver("""
        do:
          - guarded:
              try:
                - no: { raise: { error: { type: 'https://example.com/a', status: 400 } } }
              catch:
                errors: { with: { status: 500 } }
                do:
                  - never: { set: { caught: true } }
        """);
    assertThat(d.error("{}").get("status").asInt()).isEqualTo(400);
  }

  @Test
  void exceptWhenKeepsAnErrorFromBeingCaught() {
    Driver d = new Driver("""
        do:
          - guarded:
              try:
                - no: { raise: { error: { type: 'https://example.com/a', status: 400 } } }
              catch:
                exceptWhen: '${ $error.status == 400 }'
        """);
    assertThat(d.error("{}").get("status").asInt()).isEqualTo(400);
  }

  @Test
  void jitterIsSeededFromTheInstanceAndAttemptAndStaysInItsRange() {
    var policy = new dev.weft.workflow.plan.RetryPolicy(null, null, 1_000, dev.weft.workflow.plan.RetryPolicy.Backoff.LINEAR, 100, 500, 0, 0, 0);
    long first = Jitter.delay(policy, 2, "wf-1/do/0/t@1/retry/2");
    assertThat(Jitter.delay(policy, 2, "wf-1/do/0/t@1/retry/2")).isEqualTo(first);
    assertThat(first).isBetween(2_100L, 2_499L);
    assertThat(Jitter.delay(policy, 2, "wf-2/do/0/t@1/retry/2")).isNotEqualTo(first);
  }

  @Test
  void forkIssuesTheCommandsOfAllBranchesInOneDecision() {
    Driver d = new Driver("""
        do:
          - both:
              fork:
                branches:
                  - a: { call: square, with: { x: 2 } }
                  - b: { call: square, with: { x: 3 } }
        """);
    assertThat(d.output("{}")).isEqualTo(Driver.json("[4, 9]"));
    assertThat(d.decisions.get(0).commands()).extracting(Command::id)
        .containsExactly("wf-1/do/0/both/fork/branches/0/a@1", "wf-1/do/0/both/fork/branches/1/b@1");
  }

  @Test
  void aCompetingForkIsWonByTheBranchWhoseOutcomeArrivedFirst() {
    Decider decider = new Decider(dev.weft.workflow.plan.PlanCompiler.compile(Driver.HEAD + """
        do:
          - race:
              fork:
                compete: true
                branches:
                  - slow: { call: square, with: { x: 2 } }
                  - fast: { call: square, with: { x: 3 } }
        """));
    Decision start = decider.decide(InstanceState.initial("wf-1"), new Event.Started(Driver.json("{}"), null), 0);
    assertThat(start.commands()).hasSize(2);
    Decision end = decider.decide(start.state(), new Event.CommandCompleted("wf-1/do/0/race/fork/branches/1/fast@1",
        JsonNodeFactory.instance.numberNode(9)), 5);
    assertThat(end.commands()).containsExactly(new Command.Complete(JsonNodeFactory.instance.numberNode(9)));
  }

  @Test
  void runContainerFailsClearlyAsNotSupported() {
    assertThat(new Driver("do:\n  - c:\n      run: { container: { image: alpine } }\n").error("{}").get("detail").asText())
        .contains("no").contains("container runtime");
  }

  @Test
  void aLoopOfPureStepsWithoutEndIsStoppedByTheStepBudget() {
    var error = new Driver("do:\n  - again:\n      if: '${ true }'\n      set: { n: 1 }\n      then: again\n").error("{}");
    assertThat(error.get("title").asText()).isEqualTo("Step budget exceeded");
  }

  @Test
  void aRedeliveredOutcomeAndAnUnknownCommandChangeNothing() {
    Decider decider = new Decider(dev.weft.workflow.plan.PlanCompiler.compile(Driver.HEAD
        + "do:\n  - a: { call: square, with: { x: 2 } }\n  - b: { call: square, with: { x: 3 } }\n"));
    Decision start = decider.decide(InstanceState.initial("wf-1"), new Event.Started(Driver.json("{}"), null), 0);
    Event done = new Event.CommandCompleted("wf-1/do/0/a@1", JsonNodeFactory.instance.numberNode(4));
    Decision once = decider.decide(start.state(), done, 1);
    Decision twice = decider.decide(once.state(), done, 2);
    assertThat(twice.commands()).isEmpty();
    assertThat(twice.state()).isEqualTo(once.state());
    assertThat(decider.decide(once.state(), new Event.CommandCompleted("wf-1/nowhere@1", null), 3).commands()).isEmpty();
  }

  @Test
  void aCancelledInstanceIssuesNothingMore() {
    Decider decider = new Decider(dev.weft.workflow.plan.PlanCompiler.compile(Driver.HEAD + "do:\n  - a: { call: square, with: { x: 2 } }\n"));
    Decision start = decider.decide(InstanceState.initial("wf-1"), new Event.Started(Driver.json("{}"), null), 0);
    Decision cancelled = decider.decide(start.state(), new Event.Cancelled("user"), 1);
    assertThat(cancelled.state().status()).isEqualTo(InstanceState.Status.CANCELLED);
    assertThat(decider.decide(cancelled.state(), new Event.CommandCompleted("wf-1/do/0/a@1", null), 2).commands()).isEmpty();
  }

  @Test
  void theSameEventsGiveTheSameDecisions() {
    String body = """
        do:
          - both:
              fork:
                branches:
                  - a: { call: square, with: { x: 2 } }
                  - b: { wait: PT1S }
          - guarded:
              try:
                - sq: { call: square, with: { x: 5 } }
              catch:
                retry: { delay: PT1S, backoff: { linear: {} }, jitter: { from: PT0.1S, to: PT0.9S }, limit: { attempt: { count: 3 } } }
        """;
    AtomicInteger failures = new AtomicInteger();
    Driver first = new Driver(body).answering(c -> c.id().contains("/sq@") && failures.incrementAndGet() < 3
        ? new Event.CommandFailed(c.id(), Driver.json("{type: 'https://example.com/x', status: 503}")) : null);
    first.run("{}");
    Driver second = new Driver(body);
    InstanceState state = InstanceState.initial("wf-1");
    List<Decision> replayed = new java.util.ArrayList<>();
    for (int i = 0; i < first.events.size(); i++) {
      Decision d = second.decider.decide(state, first.events.get(i), first.nows.get(i));
      replayed.add(d);
      state = d.state();
    }
    assertThat(first.decisions).hasSizeGreaterThan(5);
    assertThat(replayed).isEqualTo(first.decisions);
  }
}
