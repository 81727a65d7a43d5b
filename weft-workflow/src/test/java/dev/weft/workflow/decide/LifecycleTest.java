package dev.weft.workflow.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.workflow.decide.InstanceState.Status;
import dev.weft.workflow.decide.Lifecycle.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every entry of the lifecycle table is visited by one case here; pairs outside the table change nothing. */
class LifecycleTest {
  private static final String TWO_CALLS = "do:\n  - a:\n      call: square\n      with: { x: 2 }\n"
      + "  - b:\n      call: square\n      with: { x: '${ . }' }\n";
  private static final String LISTEN = "do:\n  - hear:\n      listen: { to: { one: { with: { type: ping } } } }\n";

  record Case(String name, Status from, Kind kind, String body, Consumer<Sim> run) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("starting runs the plan up to its first command", Status.PENDING, Kind.STARTED, TWO_CALLS, s -> {
          assertThat(s.start("{}")).extracting(Command::id).containsExactly("wf-1/do/0/a@1");
          assertThat(s.state.status()).isEqualTo(Status.RUNNING);
        }),
        new Case("a pending instance can be cancelled", Status.PENDING, Kind.CANCEL, TWO_CALLS, s -> {
          s.feed(new Event.Cancelled("not wanted"));
          assertThat(s.state.status()).isEqualTo(Status.CANCELLED);
        }),
        new Case("an outcome is recorded and the plan goes on", Status.RUNNING, Kind.OUTCOME, TWO_CALLS, s -> {
          s.start("{}");
          s.feed(new Event.CommandCompleted("wf-1/do/0/a@1", Driver.json("4")));
          assertThat(((Command.CallService) s.only()).with()).isEqualTo(Driver.json("x: 4"));
        }),
        new Case("a matching event completes a listen", Status.RUNNING, Kind.EVENT, LISTEN, s -> {
          s.start("{}");
          s.deliver("{id: '1', source: t, type: ping, data: {n: 1}}");
          assertThat(s.output()).isEqualTo(Driver.json("[{n: 1}]"));
        }),
        new Case("a running instance can be suspended and then issues nothing", Status.RUNNING, Kind.SUSPEND, TWO_CALLS, s -> {
          s.start("{}");
          assertThat(s.feed(new Event.Suspended("maintenance"))).isEmpty();
          assertThat(s.state.status()).isEqualTo(Status.SUSPENDED);
        }),
        new Case("a running instance can be cancelled", Status.RUNNING, Kind.CANCEL, TWO_CALLS, s -> {
          s.start("{}");
          assertThat(s.feed(new Event.Cancelled("stop"))).isEmpty();
          assertThat(s.state.status()).isEqualTo(Status.CANCELLED);
          assertThat(s.state.result().asText()).isEqualTo("stop");
        }),
        new Case("an outcome arriving while suspended is recorded but starts nothing", Status.SUSPENDED, Kind.OUTCOME, TWO_CALLS, s -> {
          s.start("{}");
          s.feed(new Event.Suspended("pause"));
          assertThat(s.feed(new Event.CommandCompleted("wf-1/do/0/a@1", Driver.json("4")))).isEmpty();
          assertThat(s.state.outcomes()).containsKey("wf-1/do/0/a@1");
          assertThat(s.state.status()).isEqualTo(Status.SUSPENDED);
        }),
        new Case("an event arriving while suspended is consumed but starts nothing", Status.SUSPENDED, Kind.EVENT, LISTEN, s -> {
          s.start("{}");
          s.feed(new Event.Suspended("pause"));
          assertThat(s.deliver("{id: '1', source: t, type: ping, data: 7}")).isEmpty();
          assertThat(s.state.received()).containsKey("wf-1/do/0/hear@1");
          s.feed(new Event.Resumed());
          assertThat(s.output()).isEqualTo(Driver.json("[7]"));
        }),
        new Case("resuming issues what the pause held back, without repeating done steps", Status.SUSPENDED, Kind.RESUME, TWO_CALLS, s -> {
          s.start("{}");
          s.feed(new Event.Suspended("pause"));
          s.feed(new Event.CommandCompleted("wf-1/do/0/a@1", Driver.json("4")));
          assertThat(s.feed(new Event.Resumed())).extracting(Command::id).containsExactly("wf-1/do/1/b@1");
          assertThat(s.state.status()).isEqualTo(Status.RUNNING);
        }),
        new Case("a suspended instance can be cancelled", Status.SUSPENDED, Kind.CANCEL, TWO_CALLS, s -> {
          s.start("{}");
          s.feed(new Event.Suspended("pause"));
          s.feed(new Event.Cancelled("give up"));
          assertThat(s.state.status()).isEqualTo(Status.CANCELLED);
        }),
        new Case("retrying a faulted instance runs the failed step again", Status.FAULTED, Kind.RETRY, TWO_CALLS, s -> {
          s.start("{}");
          s.feed(new Event.CommandFailed("wf-1/do/0/a@1", Driver.json("{type: t, status: 503}")));
          assertThat(s.feed(new Event.RetryRequested())).extracting(Command::id).containsExactly("wf-1/do/0/a@1/rerun/1");
          assertThat(s.state.status()).isEqualTo(Status.RUNNING);
        }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachTableEntryBehavesAsDescribed(Case c) {
    Sim sim = new Sim(c.body());
    c.run().accept(sim);
    assertThat(sim.visited).contains(c.from() + " " + c.kind());
  }

  @Test
  void theCasesVisitEveryEntryOfTheTable() {
    Set<String> entries = new HashSet<>();
    Lifecycle.table().forEach((from, m) -> m.keySet().forEach(k -> entries.add(from + " " + k)));
    assertThat(cases().map(c -> c.from() + " " + c.kind()).toList()).containsExactlyInAnyOrderElementsOf(entries);
  }

  @Test
  void eventsOutsideTheTableChangeNothing() {
    Sim sim = new Sim(TWO_CALLS);
    sim.start("{}");
    InstanceState running = sim.state;
    for (Event e : List.of(new Event.Resumed(), new Event.RetryRequested(), new Event.Started(Driver.json("{}"), null))) {
      assertThat(sim.feed(e)).isEmpty();
      assertThat(sim.state).isEqualTo(running);
    }
    sim.feed(new Event.CommandCompleted("wf-1/do/0/a@1", Driver.json("4")));
    sim.feed(new Event.CommandCompleted("wf-1/do/1/b@1", Driver.json("16")));
    InstanceState done = sim.state;
    for (Event e : List.of(new Event.Suspended("x"), new Event.RetryRequested(), new Event.Cancelled("x"))) {
      assertThat(sim.feed(e)).isEmpty();
      assertThat(sim.state).isEqualTo(done);
    }
  }

  @Test
  void theDiagramInTheDocsIsTheTable() throws IOException {
    String mermaid = LifecycleDiagram.mermaid();
    assertThat(mermaid).contains("SUSPENDED --> SUSPENDED: outcome, event (record)", "FAULTED --> RUNNING: retry");
    Path docs = Path.of("../docs/operations-workflows.md");
    assumeTrue(Files.exists(docs), "no " + docs.toAbsolutePath() + " to compare with");
    assertThat(Files.readString(docs)).as("docs/operations-workflows.md must hold this diagram:%n%s", mermaid).contains(mermaid);
  }
}
