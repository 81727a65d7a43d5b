package dev.weft.workflow.decide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.workflow.decide.InstanceState.Status;
import org.junit.jupiter.api.Test;

class RetryFromFailedStepTest {
  private static final String ERR = "{type: 'https://serverlessworkflow.io/spec/1.0.0/errors/communication', status: 503}";
  private static final String THREE = """
      do:
        - first:
            call: square
            with: { x: 3 }
        - second:
            call: http
            with: { method: get, endpoint: '${ "http://h/" + tostring }' }
        - third:
            set: { got: '${ . }' }
      """;

  @Test
  void theFailedStepRunsAgainAsANewCommandAndEarlierStepsAreNotRepeated() {
    Sim s = new Sim(THREE);
    s.start("{}");
    s.feed(new Event.CommandCompleted("wf-1/do/0/first@1", Driver.json("9")));
    s.feed(new Event.CommandFailed("wf-1/do/1/second@1", Driver.json(ERR)));
    assertThat(s.state.status()).isEqualTo(Status.FAULTED);
    assertThat(s.state.failedCommand()).isEqualTo("wf-1/do/1/second@1");

    s.feed(new Event.RetryRequested());
    Command.CallHttp again = (Command.CallHttp) s.only();
    assertThat(again.id()).isEqualTo("wf-1/do/1/second@1/rerun/1");
    assertThat(again.with().get("endpoint").asText()).isEqualTo("http://h/9");
    assertThat(s.state.result()).isNull();
    assertThat(s.state.failedCommand()).isNull();

    s.feed(new Event.CommandCompleted(again.id(), Driver.json("ok: true")));
    assertThat(s.output()).isEqualTo(Driver.json("{got: {ok: true}}"));
    assertThat(s.all).extracting(Command::id).filteredOn(id -> id.contains("first")).containsExactly("wf-1/do/0/first@1");
  }

  @Test
  void aSecondRetryGivesTheStepYetAnotherId() {
    Sim s = new Sim(THREE);
    s.start("{}");
    s.feed(new Event.CommandFailed("wf-1/do/0/first@1", Driver.json(ERR)));
    s.feed(new Event.RetryRequested());
    s.feed(new Event.CommandFailed("wf-1/do/0/first@1/rerun/1", Driver.json(ERR)));
    assertThat(s.state.failedCommand()).isEqualTo("wf-1/do/0/first@1/rerun/1");
    assertThat(s.feed(new Event.RetryRequested())).extracting(Command::id).containsExactly("wf-1/do/0/first@1/rerun/2");
  }

  @Test
  void aLateOutcomeOfTheForgottenCommandChangesNothing() {
    Sim s = new Sim(THREE);
    s.start("{}");
    s.feed(new Event.CommandFailed("wf-1/do/0/first@1", Driver.json(ERR)));
    s.feed(new Event.RetryRequested());
    InstanceState retried = s.state;
    assertThat(s.feed(new Event.CommandCompleted("wf-1/do/0/first@1", Driver.json("9")))).isEmpty();
    assertThat(s.state).isEqualTo(retried);
  }

  @Test
  void aFaultOfAPureStepCannotBeRetriedAndNothingChanges() {
    Sim s = new Sim("do:\n  - no:\n      raise:\n        error: " + ERR + "\n");
    s.start("{}");
    InstanceState faulted = s.state;
    assertThat(s.feed(new Event.RetryRequested())).isEmpty();
    assertThat(s.state).isEqualTo(faulted);
    assertThat(faulted.failedCommand()).isNull();
  }

  @Test
  void aBranchStillInFlightWhenAnotherFaultedTheForkRunsAgainToo() {
    Sim s = new Sim("""
        do:
          - both:
              fork:
                branches:
                  - left:
                      call: square
                      with: { x: 1 }
                  - right:
                      call: square
                      with: { x: 2 }
        """);
    s.start("{}");
    s.feed(new Event.CommandFailed("wf-1/do/0/both/fork/branches/1/right@1", Driver.json(ERR)));
    s.feed(new Event.CommandFailed("wf-1/do/0/both/fork/branches/0/left@1", Driver.json(ERR)));
    assertThat(s.state.status()).isEqualTo(Status.FAULTED);
    assertThat(s.feed(new Event.RetryRequested())).extracting(Command::id).containsExactlyInAnyOrder(
        "wf-1/do/0/both/fork/branches/0/left@1/rerun/1", "wf-1/do/0/both/fork/branches/1/right@1/rerun/1");
  }

  @Test
  void aStepWhoseRetryPolicyRanOutGetsOneMoreAttempt() {
    Sim s = new Sim("""
        do:
          - guarded:
              try:
                - get:
                    call: square
                    with: { x: 5 }
              catch:
                retry: { delay: { seconds: 1 }, limit: { attempt: { count: 2 } } }
        """);
    s.start("{}");
    s.feed(new Event.CommandFailed("wf-1/do/0/guarded/try/0/get@1", Driver.json(ERR)));
    Command.StartTimer timer = (Command.StartTimer) s.only();
    s.feed(new Event.TimerFired(timer.id()));
    s.feed(new Event.CommandFailed("wf-1/do/0/guarded/try/0/get@2", Driver.json(ERR)));
    assertThat(s.state.status()).isEqualTo(Status.FAULTED);
    assertThat(s.feed(new Event.RetryRequested())).extracting(Command::id).containsExactly("wf-1/do/0/guarded/try/0/get@2/rerun/1");
    s.feed(new Event.CommandCompleted("wf-1/do/0/guarded/try/0/get@2/rerun/1", Driver.json("25")));
    assertThat(s.output()).isEqualTo(Driver.json("25"));
  }
}
