package dev.weft.workflow.decide;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.weft.workflow.plan.PlanCompiler;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Task and workflow {@code timeout}: a timer races the task; the first to arrive wins. */
class TimeoutsTest {
  private static final String TIMEOUT = "https://serverlessworkflow.io/spec/1.0.0/errors/timeout";
  private static final String SLOW_CALL = """
      do:
        - slow:
            call: square
            with: { x: 3 }
            timeout: { after: PT5S }
      """;

  private InstanceState state = InstanceState.initial("wf-1");
  private Decider decider;

  private List<Command> feed(Event e, long now) {
    Decision d = decider.decide(state, e, now);
    state = d.state();
    return d.commands();
  }

  private void compile(String body) {
    decider = new Decider(PlanCompiler.compile(Driver.HEAD + body));
  }

  @Test
  void aTaskThatBlocksStartsItsTimeoutTimerWithItsCommand() {
    compile(SLOW_CALL);
    List<Command> first = feed(new Event.Started(Driver.json("{}"), null), 1_000);
    assertThat(first).containsExactly(
        new Command.CallService("wf-1/do/0/slow@1", "/do/0/slow", "square", Driver.json("x: 3")),
        new Command.StartTimer("wf-1/do/0/slow/timeout@1", "/do/0/slow", 6_000));
  }

  @Test
  void whenTheTimerFiresFirstTheTaskRaisesTheSpecsTimeoutError() {
    compile(SLOW_CALL);
    feed(new Event.Started(Driver.json("{}"), null), 1_000);
    List<Command> last = feed(new Event.TimerFired("wf-1/do/0/slow/timeout@1"), 6_000);
    JsonNode error = ((Command.Fail) last.getFirst()).error();
    assertThat(error.path("type").asText()).isEqualTo(TIMEOUT);
    assertThat(error.path("status").asInt()).isEqualTo(408);
    assertThat(error.path("instance").asText()).isEqualTo("/do/0/slow");
    assertThat(feed(new Event.CommandCompleted("wf-1/do/0/slow@1", IntNode.valueOf(9)), 7_000))
        .as("a late result changes nothing").isEmpty();
  }

  @Test
  void whenTheResultComesFirstTheTimerIsIgnored() {
    compile(SLOW_CALL);
    feed(new Event.Started(Driver.json("{}"), null), 1_000);
    assertThat(feed(new Event.CommandCompleted("wf-1/do/0/slow@1", IntNode.valueOf(9)), 2_000))
        .containsExactly(new Command.Complete(IntNode.valueOf(9)));
    assertThat(feed(new Event.TimerFired("wf-1/do/0/slow/timeout@1"), 6_000)).isEmpty();
    assertThat(state.status()).isEqualTo(InstanceState.Status.COMPLETED);
  }

  @Test
  void aTimeoutIsCaughtByTryCatchLikeAnyError() {
    compile("""
        do:
          - guarded:
              try:
                - slow:
                    call: square
                    with: { x: 3 }
                    timeout: { after: PT5S }
              catch:
                errors: { with: { type: '%s', status: 408 } }
                as: e
                do:
                  - fallback:
                      set: { timedOut: '${ $e.instance }' }
        """.formatted(TIMEOUT));
    feed(new Event.Started(Driver.json("{}"), null), 1_000);
    assertThat(feed(new Event.TimerFired("wf-1/do/0/guarded/try/0/slow/timeout@1"), 6_000))
        .containsExactly(new Command.Complete(Driver.json("timedOut: /do/0/guarded/try/0/slow")));
  }

  @Test
  void aNamedTimeoutComesFromUseTimeouts() {
    compile("use: { timeouts: { short: { after: { seconds: 2 } } } }\n" + SLOW_CALL.replace("timeout: { after: PT5S }", "timeout: short"));
    assertThat(feed(new Event.Started(Driver.json("{}"), null), 1_000))
        .contains(new Command.StartTimer("wf-1/do/0/slow/timeout@1", "/do/0/slow", 3_000));
  }

  @Test
  void theWorkflowTimeoutFaultsTheWholeInstance() {
    compile("timeout: { after: PT1M }\ndo:\n  - pause:\n      wait: PT1H\n");
    assertThat(feed(new Event.Started(Driver.json("{}"), null), 0))
        .containsExactly(new Command.StartTimer("wf-1/do/0/pause@1", "/do/0/pause", 3_600_000),
            new Command.StartTimer("wf-1/timeout@1", "/", 60_000));
    JsonNode error = ((Command.Fail) feed(new Event.TimerFired("wf-1/timeout@1"), 60_000).getFirst()).error();
    assertThat(error.path("type").asText()).isEqualTo(TIMEOUT);
    assertThat(error.path("instance").asText()).isEqualTo("/");
  }

  @Test
  void aTaskThatFinishesWithinOneDecisionStartsNoTimer() {
    compile("do:\n  - quick:\n      set: { ok: true }\n      timeout: { after: PT1S }\n");
    assertThat(feed(new Event.Started(Driver.json("{}"), null), 0)).containsExactly(new Command.Complete(Driver.json("ok: true")));
  }

  @Test
  void onlyTheSecretsTheDocumentDeclaresAreVisible() {
    compile("use: { secrets: [apiKey] }\ndo:\n  - s:\n      set: { all: '${ $secrets }' }\n");
    assertThat(feed(new Event.Started(Driver.json("{}"), Driver.json("{apiKey: k, other: o}")), 0))
        .containsExactly(new Command.Complete(Driver.json("all: { apiKey: k }")));
  }
}
