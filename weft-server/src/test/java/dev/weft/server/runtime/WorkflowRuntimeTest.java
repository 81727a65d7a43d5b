package dev.weft.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.store.Database;
import dev.weft.store.InstanceStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Workflows run to their end on H2 and PostgreSQL. */
class WorkflowRuntimeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HEAD = """
      document:
        dsl: '1.0.0'
        namespace: test
        name: %s
        version: '0.1.0'
      do:
      """;

  @TempDir
  Path dir;

  private static JsonNode json(String s) {
    try {
      return JSON.readTree(s);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static String doc(String name, String tasks) {
    return HEAD.formatted(name) + tasks.stripIndent();
  }

  private <T> T withRuntime(TestDb db, FakeClock clock, Function<WorkflowRuntime, T> work) {
    TestDb.Place place = db.place(dir);
    try (Database d = place.open()) {
      AtomicInteger n = new AtomicInteger();
      return work.apply(new WorkflowRuntime(d, clock, () -> "i" + n.incrementAndGet(), Duration.ofSeconds(5)));
    } finally {
      place.dispose().run();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void setSwitchAndForRunToTheEnd(TestDb db) {
    String text = doc("pure", """
          - init:
              set:
                items: ${ .items }
                total: 0
          - sum:
              for:
                each: n
                in: .items
              do:
                - add:
                    set:
                      items: ${ .items }
                      total: ${ .total + $n }
          - classify:
              switch:
                - big:
                    when: ${ .total > 5 }
                    then: markBig
                - small:
                    then: markSmall
          - markSmall:
              set:
                size: small
              then: end
          - markBig:
              set:
                size: big
                total: ${ .total }
        """);
    RunResult r = withRuntime(db, new FakeClock(1000), rt -> rt.run(text, json("{\"items\":[1,2,3]}"), "k1"));
    assertThat(r.status()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(r.output()).isEqualTo(json("{\"size\":\"big\",\"total\":6}"));
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void builtinSquare(TestDb db) {
    String text = doc("square", """
          - sq:
              call: square
              with:
                x: ${ .n }
        """);
    RunResult r = withRuntime(db, new FakeClock(1000), rt -> rt.run(text, json("{\"n\":7}"), "k1"));
    assertThat(r.output()).isEqualTo(json("49"));
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void httpCallsAgainstALocalServer(TestDb db) throws Exception {
    try (LocalHttp http = new LocalHttp()) {
      String text = doc("http", """
            - get:
                call: http
                with:
                  method: get
                  endpoint:
                    uri: %1$s/pets/1
                    authentication:
                      bearer:
                        token: abc
                  query:
                    q: a b
            - post:
                call: http
                with:
                  method: post
                  endpoint: %1$s/echo
                  body:
                    got: ${ .path }
                  output: response
          """.formatted(http.base()));
      RunResult r = withRuntime(db, new FakeClock(1000), rt -> rt.run(text, json("{}"), "k1"));
      assertThat(r.status()).isEqualTo(InstanceStatus.COMPLETED);
      assertThat(r.output().path("statusCode").asInt()).isEqualTo(200);
      assertThat(r.output().path("content")).isEqualTo(json("{\"got\":\"/pets/1\"}"));
      assertThat(http.seen.getFirst().authorization()).isEqualTo("Bearer abc");
      assertThat(http.seen.getFirst().uri()).isEqualTo("/pets/1?q=a+b");
      assertThat(http.seen.get(1).method()).isEqualTo("POST");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void httpFailureBecomesAFault(TestDb db) throws Exception {
    try (LocalHttp http = new LocalHttp()) {
      String text = doc("httpfail", """
            - bad:
                call: http
                with:
                  method: get
                  endpoint: %s/fail
          """.formatted(http.base()));
      RunResult r = withRuntime(db, new FakeClock(1000), rt -> rt.run(text, json("{}"), "k1"));
      assertThat(r.status()).isEqualTo(InstanceStatus.FAILED);
      assertThat(r.error().path("status").asInt()).isEqualTo(500);
      assertThat(r.error().path("type").asText()).endsWith("/communication");
      assertThat(r.error().path("instance").asText()).isEqualTo("/do/0/bad");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void waitFiresOnTheInjectedClock(TestDb db) {
    String text = doc("wait", """
          - pause:
              wait: PT1H
          - after:
              set:
                done: true
        """);
    FakeClock clock = new FakeClock(1_000);
    RunResult r = withRuntime(db, clock, rt -> rt.run(text, json("{}"), "k1"));
    assertThat(r.output()).isEqualTo(json("{\"done\":true}"));
    assertThat(clock.nowMillis()).isEqualTo(1_000 + 3_600_000);
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void shellCommandGivesItsStdout(TestDb db) {
    String text = doc("shell", """
          - hello:
              run:
                shell:
                  command: echo hello $WHO
                  environment:
                    WHO: weft
        """);
    RunResult r = withRuntime(db, new FakeClock(1000), rt -> rt.run(text, json("{}"), "k1"));
    assertThat(r.output().asText()).isEqualTo("hello weft\n");
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void sameIdempotencyKeyGivesTheSameInstance(TestDb db) {
    String text = doc("idem", """
          - one:
              set:
                a: 1
        """);
    withRuntime(db, new FakeClock(1000), rt -> {
      String a = rt.start(text, json("{}"), "same");
      String b = rt.start(text, json("{}"), "same");
      assertThat(b).isEqualTo(a);
      assertThat(rt.drive(a).output()).isEqualTo(json("{\"a\":1}"));
      return null;
    });
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void restartInTheMiddleDoesNotRerunTheCompletedStep(TestDb db) throws Exception {
    try (LocalHttp http = new LocalHttp()) {
      String text = twoCalls("restart", http.base());
      TestDb.Place place = db.place(dir);
      try {
        String id;
        try (Database d = place.open()) {
          WorkflowRuntime rt = new WorkflowRuntime(d, new FakeClock(1000), () -> "r1", Duration.ofSeconds(5));
          id = rt.start(text, json("{}"), "k1");
          assertThat(rt.step(id)).isTrue(); // carries out /first, records it, issues /second
          assertThat(rt.result(id).status()).isEqualTo(InstanceStatus.RUNNING);
        } // "stopped": the process would end here
        assertThat(http.count("/first")).isEqualTo(1);
        assertThat(http.count("/second")).isZero();
        try (Database d = place.open()) {
          WorkflowRuntime rt = new WorkflowRuntime(d, new FakeClock(2000), () -> "r2", Duration.ofSeconds(5));
          var results = rt.resume();
          assertThat(results).hasSize(1);
          assertThat(results.getFirst().instanceId()).isEqualTo(id);
          assertThat(results.getFirst().output()).isEqualTo(json("{\"path\":\"/second\",\"n\":1}"));
          assertThat(d.events().history(id)).extracting(e -> e.type())
              .containsExactly("Started", "CommandCompleted", "CommandCompleted");
        }
        assertThat(http.count("/first")).isEqualTo(1);
        assertThat(http.count("/second")).isEqualTo(1);
      } finally {
        place.dispose().run();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void basicAuthenticationAndAFailingShellCommand(TestDb db) throws Exception {
    try (LocalHttp http = new LocalHttp()) {
      String text = doc("basic", """
            - get:
                call: http
                with:
                  method: get
                  endpoint:
                    uri: %s/who
                    authentication:
                      basic:
                        username: ada
                        password: secret
            - bad:
                run:
                  shell:
                    command: echo oops >&2; exit 3
          """.formatted(http.base()));
      RunResult r = withRuntime(db, new FakeClock(1000), rt -> rt.run(text, json("{}"), "k1"));
      assertThat(http.seen.getFirst().authorization()).isEqualTo("Basic YWRhOnNlY3JldA==");
      assertThat(r.status()).isEqualTo(InstanceStatus.FAILED);
      assertThat(r.error().path("detail").asText()).contains("exit code 3").contains("oops");
      assertThat(r.error().path("instance").asText()).isEqualTo("/do/1/bad");
    }
  }

  /**
   * The database goes away while the first call is under way: its side effect happened but was
   * never recorded, so after a restart it is carried out again (the documented limit), once.
   */
  @ParameterizedTest
  @EnumSource(TestDb.class)
  void sideEffectNotRecordedBeforeAStopIsRepeatedOnResume(TestDb db) throws Exception {
    try (LocalHttp http = new LocalHttp()) {
      String text = twoCalls("repeat", http.base());
      TestDb.Place place = db.place(dir);
      try {
        String id;
        Database d1 = place.open();
        try {
          WorkflowRuntime rt = new WorkflowRuntime(d1, new FakeClock(1000), () -> "c1", Duration.ofSeconds(5));
          id = rt.start(text, json("{}"), "k1");
          http.beforeReply = d1::close; // the "crash": the store is gone before the result can be recorded
          org.assertj.core.api.Assertions.assertThatThrownBy(() -> rt.step(id)).isInstanceOf(RuntimeException.class);
        } finally {
          http.beforeReply = () -> { };
          d1.close();
        }
        assertThat(http.count("/first")).isEqualTo(1);
        try (Database d = place.open()) {
          WorkflowRuntime rt = new WorkflowRuntime(d, new FakeClock(2000), () -> "c2", Duration.ofSeconds(5));
          assertThat(rt.resume()).singleElement().extracting(RunResult::status).isEqualTo(InstanceStatus.COMPLETED);
          assertThat(d.events().history(id)).extracting(e -> e.type())
              .containsExactly("Started", "CommandCompleted", "CommandCompleted");
        }
        assertThat(http.count("/first")).as("carried out, not recorded, carried out again").isEqualTo(2);
        assertThat(http.count("/second")).isEqualTo(1);
      } finally {
        place.dispose().run();
      }
    }
  }

  /** Two http calls in a row, to {@code base}/first and {@code base}/second. */
  static String twoCalls(String name, String base) {
    return doc(name, """
          - first:
              call: http
              with:
                method: get
                endpoint: %1$s/first
          - second:
              call: http
              with:
                method: get
                endpoint: %1$s/second
        """.formatted(base));
  }
}
