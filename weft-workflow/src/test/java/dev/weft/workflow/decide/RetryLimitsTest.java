package dev.weft.workflow.decide;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code retry.limit.duration} and {@code retry.limit.attempt.duration}, measured on the decision
 * times only (an attempt starts when its first command is issued, or when it fails if it issued
 * none; it fails at the time the decider first saw its error). The clock is the test's.
 */
class RetryLimitsTest {
  private static final JsonNode UNAVAILABLE = Driver.json(
      "{type: 'https://serverlessworkflow.io/spec/1.0.0/errors/communication', status: 503}");

  private static String guarded(String retry, String catchDo) {
    return """
        do:
          - guarded:
              try:
                - sq: { call: square, with: { x: 3 } }
              catch:
                retry: %s
        %s""".formatted(retry, catchDo);
  }

  private static Sim failAt(Sim sim, long now) {
    sim.now = now;
    sim.feed(new Event.CommandFailed(((Command.CallService) sim.only()).id(), UNAVAILABLE));
    return sim;
  }

  private static void fire(Sim sim, long now) {
    sim.now = now;
    sim.feed(new Event.TimerFired(((Command.StartTimer) sim.only()).id()));
  }

  @Test
  void anAttemptThatFailsWithinItsDurationIsRetried() {
    Sim sim = new Sim(guarded("{ delay: PT1S, limit: { attempt: { duration: PT2S } } }", ""));
    sim.start("{}");
    failAt(sim, 1_000 + 2_000);
    assertThat(sim.only()).isEqualTo(new Command.StartTimer("wf-1/do/0/guarded@1/retry/1", "/do/0/guarded", 4_000));
  }

  @Test
  void anAttemptThatTookLongerThanItsDurationIsNotRetriedAndTheErrorEscapes() {
    Sim sim = new Sim(guarded("{ delay: PT1S, limit: { attempt: { duration: PT2S } } }", ""));
    sim.start("{}");
    failAt(sim, 1_000 + 2_001);
    assertThat(sim.state.status()).isEqualTo(InstanceState.Status.FAULTED);
    assertThat(((Command.Fail) sim.only()).error().get("status").asInt()).isEqualTo(503);
  }

  @Test
  void eachAttemptIsMeasuredFromItsOwnStartAndTheDecisionToRetryIsNotRevisedLater() {
    Sim sim = new Sim(guarded("{ delay: PT5S, limit: { attempt: { duration: PT2S } } }", ""));
    sim.start("{}");
    failAt(sim, 2_500);              // attempt 1: 1.5 s
    fire(sim, 7_500);                // a replay at 7.5 s must still see attempt 1 failing at 2.5 s
    assertThat(sim.only()).isEqualTo(new Command.CallService("wf-1/do/0/guarded/try/0/sq@2", "/do/0/guarded/try/0/sq", "square",
        Driver.json("x: 3")));
    failAt(sim, 9_000);              // attempt 2: from 7.5 s, 1.5 s
    assertThat(((Command.StartTimer) sim.only()).fireAtMillis()).isEqualTo(14_000);
    fire(sim, 14_000);
    failAt(sim, 16_500);             // attempt 3: 2.5 s
    assertThat(sim.state.status()).isEqualTo(InstanceState.Status.FAULTED);
  }

  @Test
  void noRetryStartsLaterThanTheTotalDurationAfterTheFirstAttemptAndCatchDoTakesOver() {
    Sim sim = new Sim(guarded("{ delay: PT3S, limit: { duration: PT10S } }", """
                do:
                  - gaveUp: { set: { gaveUp: true } }
        """));
    sim.start("{}");                 // attempt 1 starts at 1 s
    failAt(sim, 2_000);              // the retry would start at 5 s: 4 s after the first start
    fire(sim, 5_000);
    failAt(sim, 8_000);              // would start at 11 s: exactly 10 s after the first start
    assertThat(((Command.StartTimer) sim.only()).fireAtMillis()).isEqualTo(11_000);
    fire(sim, 11_000);
    failAt(sim, 11_001);             // would start at 14.001 s: past the limit
    assertThat(sim.output()).isEqualTo(Driver.json("gaveUp: true"));
    assertThat(sim.decider.tasksStarted(sim.state)).containsExactly("/do/0/guarded", "/do/0/guarded/try/0/sq",
        "/do/0/guarded/try/0/sq", "/do/0/guarded/try/0/sq", "/do/0/guarded/catch/do/0/gaveUp");
  }

  @Test
  void attemptsThatIssueNoCommandTakeNoTimeButTheTotalDurationStillStopsThem() {
    Driver d = new Driver("""
        do:
          - guarded:
              try:
                - no: { raise: { error: { type: 'https://example.com/flaky', status: 500 } } }
              catch:
                retry: { delay: PT1S, backoff: { exponential: {} }, limit: { duration: PT5S, attempt: { duration: PT0.001S } } }
        """);
    JsonNode error = d.error("{}");
    assertThat(error.get("type").asText()).isEqualTo("https://example.com/flaky");
    // retries start at 2 s (1 s after the first attempt) and 4 s (3 s); the next would start at 8 s (7 s)
    assertThat(d.commands.stream().filter(c -> c instanceof Command.StartTimer).map(c -> ((Command.StartTimer) c).fireAtMillis()))
        .containsExactly(2_000L, 4_000L);
  }

  @Test
  void theLimitsComeAlsoFromANamedRetryPolicy() {
    Sim sim = new Sim("use:\n  retries:\n    patient: { delay: PT1S, limit: { attempt: { duration: PT1S } } }\n"
        + guarded("patient", ""));
    sim.start("{}");
    failAt(sim, 2_001);
    assertThat(sim.last).extracting(c -> c.getClass().getSimpleName()).isEqualTo(List.of("Fail"));
  }
}
