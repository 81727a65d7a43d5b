package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.weft.server.api.auth.Tokens;
import dev.weft.server.runtime.TestDb;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code contract.concurrency} and {@code contract.rateLimit} on a real server (H2 and
 * PostgreSQL): at most that many calls of the service are carried out at once, the others wait
 * (holding no dispatcher) and go in arrival order as slots come back; an instance that ends gives
 * back its slot or its place in line; the counts are in {@code /metrics}; calls of a rate-limited
 * service start no faster than its rate; bad limits are refused with their pointers.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ServiceLimitsApiTest {
  private static final String WORKER = "worker-token-0123456789";
  private static final Tokens TOKENS = Tokens.parse("operator-token-0123456789 operator ci\n" + WORKER + " worker fleet\n",
      "tokens");
  private static final String OPERATOR = "operator-token-0123456789";

  @TempDir
  Path dir;

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void no_more_http_calls_than_the_limit_are_in_flight_and_the_rest_wait_their_turn(TestDb db) throws Exception {
    // 8 threads carry calls out: without the limit all six calls would be in flight at once
    try (RunningServer s = RunningServer.start(db, dir, TOKENS, 8, List.of()); Endpoint endpoint = new Endpoint()) {
      Http http = s.http();
      apply(http, "/api/v1/services", """
          kind: service
          name: slow-api
          version: 1.0.0
          contract:
            concurrency: 2
          behaviour:
            http: { endpoint: '%s/work' }
          """.formatted(endpoint.base()));
      apply(http, "/api/v1/workflows", flow("slow-api"));
      List<String> ids = new ArrayList<>();
      for (int n = 0; n < 6; n++) {
        ids.add(start(http, "slow-api", n));
      }
      assertThat(endpoint.arrived.await(30, TimeUnit.SECONDS)).as("the first two calls arrive").isTrue();
      awaitTrue(http, () -> metric(http, "weft_service_calls_waiting{service=\"slow-api\"}") == 4.0, "four calls waiting");
      assertThat(metric(http, "weft_service_calls_held{service=\"slow-api\"}")).isEqualTo(2.0);
      Thread.sleep(300); // a third call would have had time to arrive
      assertThat(endpoint.requests.get()).as("calls carried out while two are held").isEqualTo(2);

      endpoint.open.countDown();
      for (int n = 0; n < 6; n++) {
        JsonNode done = Workflows.awaitEnd(http, OPERATOR, ids.get(n));
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.path("output").path("answered").asInt()).isEqualTo(n);
      }
      assertThat(endpoint.requests.get()).isEqualTo(6);
      assertThat(endpoint.mostAtOnce.get()).as("calls in flight at once").isEqualTo(2);
      assertThat(http.get("/metrics", OPERATOR).text()).doesNotContain("weft_service_calls_held{service=\"slow-api\"}");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void an_instance_that_ends_gives_back_its_slot_to_the_next_call_in_line_and_a_waiting_one_its_place(TestDb db) {
    try (RunningServer s = RunningServer.start(db, dir, TOKENS, List.of())) {
      Http http = s.http();
      apply(http, "/api/v1/services", """
          kind: service
          name: scanner
          version: 1.0.0
          contract:
            concurrency: 1
          behaviour:
            worker: { queue: scans }
          """);
      apply(http, "/api/v1/workflows", flow("scanner"));
      String first = start(http, "scanner", 1);
      JsonNode held = pollOne(http);
      assertThat(held.path("input").path("n").asInt()).isEqualTo(1);
      String second = start(http, "scanner", 2);
      String third = start(http, "scanner", 3);
      awaitTrue(http, () -> metric(http, "weft_service_calls_waiting{service=\"scanner\"}") == 2.0, "two calls waiting");
      assertThat(poll(http, 500)).as("the one slot is held").isEmpty();

      cancel(http, second); // waiting: gives up its place, hands nothing over
      awaitTrue(http, () -> metric(http, "weft_service_calls_waiting{service=\"scanner\"}") == 1.0, "one call waiting");
      assertThat(poll(http, 500)).isEmpty();
      cancel(http, first); // holding: its slot goes to the third, the next in line
      JsonNode next = pollOne(http);
      assertThat(next.path("input").path("n").asInt()).isEqualTo(3);
      Http.Reply done = http.postJson("/api/v1/worker/calls/" + next.path("id").asText() + "/complete", WORKER,
          "{\"worker\":\"w1\",\"attempt\":" + next.path("attempt").asInt() + ",\"output\":{\"answered\":3}}");
      assertThat(done.status()).as(done.text()).isEqualTo(200);
      JsonNode ended = Workflows.awaitEnd(http, OPERATOR, third);
      assertThat(ended.path("status").asText()).isEqualTo("COMPLETED");
      assertThat(ended.path("output").path("answered").asInt()).isEqualTo(3);
      awaitTrue(http, () -> !http.get("/metrics", OPERATOR).text().contains("service=\"scanner\""), "no scanner call left");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void a_version_with_a_higher_limit_lets_the_waiting_calls_in_at_once(TestDb db) {
    try (RunningServer s = RunningServer.start(db, dir, TOKENS, List.of())) {
      Http http = s.http();
      String scanner = """
          kind: service
          name: scanner
          version: %s
          contract:
            concurrency: %d
          behaviour:
            worker: { queue: scans }
          """;
      apply(http, "/api/v1/services", scanner.formatted("1.0.0", 1));
      apply(http, "/api/v1/workflows", flow("scanner"));
      List<String> ids = new ArrayList<>();
      ids.add(start(http, "scanner", 1));
      List<JsonNode> leased = new ArrayList<>(List.of(pollOne(http)));
      ids.add(start(http, "scanner", 2));
      ids.add(start(http, "scanner", 3));
      awaitTrue(http, () -> metric(http, "weft_service_calls_waiting{service=\"scanner\"}") == 2.0, "two calls waiting");

      apply(http, "/api/v1/services", scanner.formatted("1.1.0", 3)); // no call arrives or ends after this
      awaitTrue(http, () -> metric(http, "weft_service_calls_held{service=\"scanner\"}") == 3.0,
          "three calls holding a slot, well before a parked call's 5-minute safety net");
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (leased.size() < 3 && System.nanoTime() < deadline) {
        poll(http, 1_000).forEach(leased::add);
      }
      assertThat(leased).extracting(c -> c.path("input").path("n").asInt()).containsExactlyInAnyOrder(1, 2, 3);
      for (JsonNode call : leased) {
        Http.Reply done = http.postJson("/api/v1/worker/calls/" + call.path("id").asText() + "/complete", WORKER,
            "{\"worker\":\"w1\",\"attempt\":" + call.path("attempt").asInt() + ",\"output\":{\"ok\":true}}");
        assertThat(done.status()).as(done.text()).isEqualTo(200);
      }
      for (String id : ids) {
        assertThat(Workflows.awaitEnd(http, OPERATOR, id).path("status").asText()).isEqualTo("COMPLETED");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void calls_of_a_rate_limited_service_start_no_faster_than_its_rate(TestDb db) throws Exception {
    try (RunningServer s = RunningServer.start(db, dir, TOKENS, 8, List.of()); Endpoint endpoint = new Endpoint()) {
      endpoint.open.countDown(); // answered at once
      Http http = s.http();
      apply(http, "/api/v1/services", """
          kind: service
          name: paced-api
          version: 1.0.0
          contract:
            rateLimit: 5/s
          behaviour:
            http: { endpoint: '%s/work' }
          """.formatted(endpoint.base()));
      apply(http, "/api/v1/workflows", flow("paced-api"));
      long before = System.currentTimeMillis();
      List<String> ids = new ArrayList<>();
      for (int n = 0; n < 6; n++) {
        ids.add(start(http, "paced-api", n));
      }
      for (String id : ids) {
        assertThat(Workflows.awaitEnd(http, OPERATOR, id).path("status").asText()).isEqualTo("COMPLETED");
      }
      // each call starts at its reserved time or later, reserved 200 ms apart from the first call's
      // admission on, which came after `before`: by then + 200 k ms at most k + 1 calls can have arrived
      List<Long> arrivals = endpoint.arrivals.stream().sorted().toList();
      assertThat(arrivals).hasSize(6);
      for (int k = 1; k < arrivals.size(); k++) {
        assertThat(arrivals.get(k) - before).as("call %d arrived after %d ms", k + 1, 200 * k)
            .isGreaterThanOrEqualTo(200L * k);
      }
    }
  }

  @Test
  void bad_limits_are_refused_with_their_pointers_and_good_ones_kept() {
    try (RunningServer s = RunningServer.start(TestDb.H2, dir, TOKENS, List.of())) {
      Http http = s.http();
      for (String bad : List.of("0", "-3", "1.5", "'4'", "100001", "true")) {
        assertThat(refused(http, "concurrency: " + bad)).as(bad).contains("/contract/concurrency")
            .contains("a whole number from 1 to 100000");
      }
      for (String bad : List.of("fast", "0", "-1", "2000/s", "5/d", "true", "[5]")) {
        assertThat(refused(http, "rateLimit: " + bad)).as(bad).contains("/contract/rateLimit").contains("5/s, 300/m");
      }
      Http.Reply ok = register(http, "rateLimit: 300/m, concurrency: 3");
      assertThat(ok.status()).as(ok.text()).isEqualTo(201);
    }
  }

  /** Registers a builtin service with these contract fields. */
  private static Http.Reply register(Http http, String contract) {
    return http.post("/api/v1/services", OPERATOR, "application/yaml", """
        kind: service
        name: limited
        version: 1.0.0
        contract: { %s }
        behaviour: { builtin: square }
        """.formatted(contract));
  }

  /** The problem's text of a registration that must be refused (422). */
  private static String refused(Http http, String contract) {
    Http.Reply r = register(http, contract);
    assertThat(r.status()).as(contract + ": " + r.text()).isEqualTo(422);
    return r.text();
  }

  private static String flow(String service) {
    return """
        document: { dsl: '1.0.0', namespace: test, name: %s-flow, version: '1.0.0' }
        do:
          - call-it:
              call: %s
              with: { n: '${ .n }' }
        """.formatted(service, service);
  }

  private static void apply(Http http, String path, String yaml) {
    Http.Reply r = http.post(path, OPERATOR, "application/yaml", yaml);
    assertThat(r.status()).as(r.text()).isIn(200, 201);
  }

  private static String start(Http http, String service, int n) {
    Http.Reply r = http.postJson("/api/v1/instances", OPERATOR,
        "{\"definition\":\"test/" + service + "-flow\",\"input\":{\"n\":" + n + "}}");
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    return r.json().path("id").asText();
  }

  private static void cancel(Http http, String id) {
    Http.Reply r = http.send("POST", "/api/v1/instances/" + id + "/cancel", OPERATOR, null, null);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
  }

  private static JsonNode poll(Http http, int waitMillis) {
    Http.Reply r = http.postJson("/api/v1/worker/poll", WORKER,
        "{\"worker\":\"w1\",\"queues\":[\"scans\"],\"max\":5,\"waitMillis\":" + waitMillis + "}");
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r.json().path("calls");
  }

  private static JsonNode pollOne(Http http) {
    JsonNode calls = poll(http, 10_000);
    assertThat(calls).as("one call leased").hasSize(1);
    return calls.get(0);
  }

  /** The value of one sample of {@code /metrics}, or -1 when it is not there. */
  private static double metric(Http http, String sample) {
    for (String line : http.get("/metrics", OPERATOR).text().split("\n")) {
      if (line.startsWith(sample + " ")) {
        return Double.parseDouble(line.substring(sample.length() + 1));
      }
    }
    return -1;
  }

  /** Waits up to 30 s (a liveness bound, not a speed check) for {@code condition}. */
  private static void awaitTrue(Http http, BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("still not: " + what + "; /metrics has "
            + http.get("/metrics", OPERATOR).text().lines().filter(l -> l.startsWith("weft_service")).toList());
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * An HTTP service on loopback that holds every request until {@link #open} and counts how many it
   * holds at once; it answers {@code {"answered": <body.n>}}.
   */
  private static final class Endpoint implements AutoCloseable {
    final CountDownLatch open = new CountDownLatch(1);
    final CountDownLatch arrived = new CountDownLatch(2);
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();
    final java.util.Queue<Long> arrivals = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    private final HttpServer server;

    Endpoint() throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
      server.setExecutor(threads);
      server.createContext("/", this::handle);
      server.start();
    }

    String base() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      arrivals.add(System.currentTimeMillis());
      requests.incrementAndGet();
      mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      arrived.countDown();
      try {
        open.await(60, TimeUnit.SECONDS);
        String n = body.replaceAll("(?s).*\"n\"\\s*:\\s*(-?\\d+).*", "$1");
        byte[] answer = ("{\"answered\": " + n + "}").getBytes(StandardCharsets.UTF_8);
        inFlight.decrementAndGet();
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, answer.length);
        ex.getResponseBody().write(answer);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        ex.close();
      }
    }

    @Override
    public void close() {
      open.countDown();
      server.stop(0);
      threads.shutdownNow();
    }
  }
}
