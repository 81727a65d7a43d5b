package dev.weft.server.runtime;

import static dev.weft.server.runtime.TestEnv.doc;
import static dev.weft.server.runtime.TestEnv.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.server.runtime.InstanceQueries.HistoryEntry;
import dev.weft.store.InstanceStatus;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Cancel, suspend, resume and retry from the failed step, on H2 and PostgreSQL, against a real http server on loopback. */
class InstanceOperationsTest {
  @TempDir
  Path dir;

  private static String twoCalls(String name, LocalHttp http, String second) {
    return doc(name, "1.0.0", """
          - first:
              call: http
              with: { method: get, endpoint: '%s/first' }
          - second:
              call: http
              with: { method: get, endpoint: '%s%s' }
          - both:
              set: { first: '${ $context }', second: '${ . }' }
        """.formatted(http.base(), http.base(), second));
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void retryFromTheFailedStepCallsOnlyThatStepAgain(TestDb which) throws Exception {
    try (TestEnv env = new TestEnv(which, dir); LocalHttp http = new LocalHttp()) {
      String id = env.runtime.start(twoCalls("flaky", http, "/flaky"), json("{}"), "k");
      RunResult failed = env.runtime.drive(id);
      assertThat(failed.status()).isEqualTo(InstanceStatus.FAILED);
      assertThat(failed.error().get("status").asInt()).isEqualTo(500);
      assertThat(env.queries.state(id).failedCommand()).isEqualTo(id + "/do/1/second@1");

      assertThat(env.ops.retryFromFailedStep(id)).isEqualTo(InstanceStatus.RUNNING);
      RunResult done = env.runtime.drive(id);

      assertThat(done.status()).isEqualTo(InstanceStatus.COMPLETED);
      assertThat(done.output().at("/second/n").asInt()).isEqualTo(2);
      assertThat(http.count("/first")).as("the step before the failed one is not called again").isEqualTo(1);
      assertThat(http.count("/flaky")).isEqualTo(2);
      assertThat(env.queries.history(id)).extracting(HistoryEntry::type).containsExactly(
          "Started", "CommandCompleted", "CommandFailed", "RetryRequested", "CommandCompleted");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void aFaultOfARaiseCannotBeRetriedAndTheRefusalSaysWhy(TestDb which) {
    try (TestEnv env = new TestEnv(which, dir)) {
      String id = env.runtime.start(doc("raise", "1.0.0", """
            - no:
                raise:
                  error: { type: 'https://serverlessworkflow.io/spec/1.0.0/errors/validation', status: 400 }
          """), json("{}"), "k");
      assertThat(env.runtime.drive(id).status()).isEqualTo(InstanceStatus.FAILED);
      assertThatThrownBy(() -> env.ops.retryFromFailedStep(id)).isInstanceOf(OperationRefusedException.class)
          .hasMessageContaining("cannot retry instance " + id + " (FAILED)").hasMessageContaining("/do/0/no");
      assertThat(env.queries.history(id)).extracting(HistoryEntry::type).containsExactly("Started");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void aSuspendedInstanceRecordsResultsButStartsNothingUntilResumed(TestDb which) throws Exception {
    try (TestEnv env = new TestEnv(which, dir); LocalHttp http = new LocalHttp()) {
      String id = env.runtime.start(twoCalls("pause", http, "/second"), json("{}"), "k");
      assertThat(env.ops.suspend(id, "maintenance")).isEqualTo(InstanceStatus.SUSPENDED);
      RunResult paused = env.runtime.drive(id);
      assertThat(paused.status()).isEqualTo(InstanceStatus.SUSPENDED);
      assertThat(http.count("/first")).as("issued before the pause, carried out and recorded").isEqualTo(1);
      assertThat(http.count("/second")).isZero();

      assertThatThrownBy(() -> env.ops.suspend(id, "again")).isInstanceOf(OperationRefusedException.class)
          .hasMessageContaining("only a running instance can be suspended");
      assertThat(env.ops.resume(id)).isEqualTo(InstanceStatus.RUNNING);
      assertThat(env.runtime.drive(id).status()).isEqualTo(InstanceStatus.COMPLETED);
      assertThat(http.count("/first")).isEqualTo(1);
      assertThat(http.count("/second")).isEqualTo(1);
      assertThat(env.queries.history(id)).extracting(HistoryEntry::type).containsExactly(
          "Started", "Suspended", "CommandCompleted", "Resumed", "CommandCompleted");
      assertThatThrownBy(() -> env.ops.resume(id)).isInstanceOf(OperationRefusedException.class)
          .hasMessageContaining("(COMPLETED)");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void aCancelledInstanceCarriesOutNothingMoreAndItsTimerFiresIntoTheVoid(TestDb which) throws Exception {
    try (TestEnv env = new TestEnv(which, dir); LocalHttp http = new LocalHttp()) {
      String id = env.runtime.start(doc("cancel", "1.0.0", """
            - nap:
                wait: PT1H
            - call:
                call: http
                with: { method: get, endpoint: '%s/never' }
          """.formatted(http.base())), json("{}"), "k");
      assertThat(env.runtime.step(id)).as("the timer is scheduled").isTrue();
      assertThat(env.ops.cancel(id, "not needed")).isEqualTo(InstanceStatus.CANCELLED);
      RunResult end = env.runtime.drive(id);
      assertThat(end.status()).isEqualTo(InstanceStatus.CANCELLED);
      assertThat(http.count("/never")).isZero();
      assertThat(env.queries.state(id).error().asText()).isEqualTo("not needed");
      assertThat(env.queries.history(id)).extracting(HistoryEntry::type).containsExactly("Started", "Cancelled");
      assertThatThrownBy(() -> env.ops.cancel(id, "twice")).isInstanceOf(OperationRefusedException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void cancellingDropsCommandsNotYetCarriedOut(TestDb which) throws Exception {
    try (TestEnv env = new TestEnv(which, dir); LocalHttp http = new LocalHttp()) {
      String id = env.runtime.start(twoCalls("drop", http, "/second"), json("{}"), "k");
      env.ops.cancel(id, "stop");
      assertThat(env.runtime.drive(id).status()).isEqualTo(InstanceStatus.CANCELLED);
      assertThat(http.count("/first")).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void operationsOnAnUnknownInstanceNameIt(TestDb which) {
    try (TestEnv env = new TestEnv(which, dir)) {
      assertThatThrownBy(() -> env.ops.suspend("ghost", "x")).isInstanceOf(UnknownInstanceException.class)
          .hasMessage("no workflow instance with id ghost");
      assertThatThrownBy(() -> env.queries.history("ghost")).isInstanceOf(UnknownInstanceException.class);
      assertThatThrownBy(() -> env.ops.start("test/none", Optional.empty(), json("{}"), "k"))
          .hasMessage("no workflow definition named test/none");
    }
  }
}
