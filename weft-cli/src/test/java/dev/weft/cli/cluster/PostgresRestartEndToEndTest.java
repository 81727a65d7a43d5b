package dev.weft.cli.cluster;

import static dev.weft.cli.cluster.ClusterChecks.start;
import static dev.weft.cli.cluster.ClusterChecks.firstTime;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.model.Resources;
import dev.weft.model.TaskRun;
import dev.weft.model.TaskSpec;
import dev.weft.model.codec.Format;
import dev.weft.model.codec.SpecCodec;
import dev.weft.model.lifecycle.TaskState;
import dev.weft.server.runtime.CountingService;
import dev.weft.store.Database;
import dev.weft.store.Instance;
import dev.weft.store.InstanceFilter;
import dev.weft.store.InstanceStatus;
import dev.weft.store.NodeState;
import dev.weft.store.RecordedEvent;
import dev.weft.store.TaskRecord;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5 (d): PostgreSQL restarts mid-run and the cluster recovers without operator help. Two
 * {@code weft server}s on one database and two agents (each given both servers) are child JVMs;
 * over the REST API the test stores a workflow (a short {@code wait}, an http call, then a
 * {@code fork} of two http calls, all to an {@link CountingService} in this process), starts
 * {@value #INSTANCES} instances with an {@code Idempotency-Key} each, and submits an array job of
 * {@value #TASKS} short shell tasks that append "task attempt" to one shared file as they start.
 * Once part, not all, of both is done, PostgreSQL is stopped ({@code pg_ctl stop -m fast}: every
 * session is cut), left down for {@value #DOWN_SECONDS} s (while down, the API must answer 503
 * with a problem detail, promptly), and started again. Then everything must complete with no
 * process restarted: each instance completed once with its output and a journal without
 * repeats, each http step applied once (the service's idempotency keys), each task succeeded
 * with its first attempt and started once, no node marked down, no stack trace in any log.
 *
 * <p>The database is a private PostgreSQL started by the test ({@link PrivatePostgres}): stopping
 * the shared one on 5432 would break every other test running on this machine.
 */
class PostgresRestartEndToEndTest {
  private static final String ADMIN = "admin-token-pgrestart-0123456789";
  private static final String AGENT = "agent-token-pgrestart-0123456789";
  private static final Duration PATIENCE = Duration.ofMinutes(3);
  private static final Duration STARTUP = Duration.ofSeconds(60);
  /** How long a request may take while the database is down: an answer, not a hang. */
  private static final Duration ANSWER_LIMIT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int INSTANCES = 200;
  private static final int TASKS = 600;
  private static final int DOWN_SECONDS = 5;
  private static final String[] CALLED_PATHS = {"/charge", "/ship", "/notify"};
  private static final String JOB = "work";

  @TempDir
  Path dir;

  @Test
  void a_postgresql_restart_midway_loses_duplicates_and_restarts_nothing() throws Exception {
    Path tokens = Files.writeString(dir.resolve("tokens.txt"), ADMIN + " admin\n" + AGENT + " agent node-agents\n");
    Path starts = dir.resolve("starts.log");
    List<ChildProcess> children = new ArrayList<>();
    long t0 = System.nanoTime();
    try (PrivatePostgres pg = PrivatePostgres.start(); CountingService service = new CountingService(0)) {
      try {
        ChildProcess serverA = start(children, server("server-a", pg.url(), tokens));
        ChildProcess serverB = start(children, server("server-b", pg.url(), tokens));
        String a = serverA.awaitListening(STARTUP);
        String b = serverB.awaitListening(STARTUP);
        start(children, agent("node-a", List.of(a, b)));
        start(children, agent("node-b", List.of(b, a)));
        Map<String, Long> pids = children.stream().collect(Collectors.toMap(ChildProcess::tag, ChildProcess::pid));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try (Database db = Database.open(pg.url())) {
          waitFor("both agents joined", () -> db.nodes().list().size() == 2, serverA::output);
          send(http, "POST", a + "/api/v1/workflows", "application/yaml", workflow(service.base()), Map.of(), 201);
          TaskSpec work = TaskSpec.builder("template").resources(Resources.of(10, 0))
              .run(TaskRun.shell("echo \"$WEFT_TASK_ID $WEFT_ATTEMPT\" >> '" + starts + "'; sleep 0.3")).build();
          send(http, "POST", b + "/api/v1/jobs", "application/json",
              "{\"id\":\"" + JOB + "\",\"count\":" + TASKS + ",\"task\":" + SpecCodec.writeTask(work, Format.JSON) + "}", Map.of(), 201);
          startInstances(http, List.of(a, b));
          waitFor("part of the instances completed and part of the tasks succeeded", () ->
              completed(db).size() >= INSTANCES / 10 && succeeded(db).size() >= TASKS / 10, () -> progress(db));

          String before = progress(db);
          int[] linesBefore = children.stream().mapToInt(c -> c.output().split("\n").length).toArray();
          long stopAt = System.nanoTime();
          pg.stop();
          long downAt = System.nanoTime();
          System.out.printf("[pg restart] PostgreSQL stopped after %.1f s (stop took %.1f s) with %s%n",
              (downAt - t0) / 1e9, (downAt - stopAt) / 1e9, before);
          try (ExecutorService askers = Executors.newFixedThreadPool(4)) {
            List<Future<?>> asked = new ArrayList<>();
            for (String server : List.of(a, b)) {
              for (HttpRequest r : requestsDuringOutage(server)) {
                asked.add(askers.submit(() -> assertAnswersUnavailable(http, r)));
              }
            }
            Thread.sleep(Duration.ofSeconds(DOWN_SECONDS)); // the outage itself, not a wait for a condition
            for (Future<?> f : asked) {
              f.get();
            }
          }
          pg.startServer();
          long upAt = System.nanoTime();
          System.out.printf("[pg restart] PostgreSQL up again after %.1f s down%n", (upAt - downAt) / 1e9);

          AtomicLong instancesDoneAt = new AtomicLong();
          AtomicLong tasksDoneAt = new AtomicLong();
          waitFor("every instance completed and every task succeeded", () ->
              firstTime(instancesDoneAt, completed(db).size() == INSTANCES) & firstTime(tasksDoneAt, succeeded(db).size() == TASKS),
              () -> progress(db));
          System.out.printf("[pg restart] after PostgreSQL was back: every task succeeded within %.1f s, every instance"
              + " completed within %.1f s%n", (tasksDoneAt.get() - upAt) / 1e9, (instancesDoneAt.get() - upAt) / 1e9);
          for (int i = 0; i < children.size(); i++) {
            ChildProcess c = children.get(i);
            String[] lines = c.output().split("\n");
            System.out.printf("[pg restart] %s wrote %d line(s) from the stop on%n", c.tag(), lines.length - linesBefore[i]);
          }

          System.out.printf("[pg restart] tasks by attempt: %s%n", db.tasks().ofJob(JOB).stream()
              .collect(Collectors.groupingBy(TaskRecord::attempt, Collectors.counting())));
          assertThat(children).as("no process had to be restarted").allSatisfy(c -> {
            assertThat(c.alive()).as("%s alive", c.tag()).isTrue();
            assertThat(c.pid()).as("pid of %s", c.tag()).isEqualTo(pids.get(c.tag()));
          });
          assertThat(children).as("no stack trace in any log").allSatisfy(c ->
              assertThat(c.output().lines().filter(l -> l.startsWith("\tat ")).count()).as("stack lines of %s", c.tag()).isZero());
          assertThat(db.nodes().list()).as("no node marked down").allSatisfy(n -> assertThat(n.state()).isNotEqualTo(NodeState.DOWN));
          assertInstancesCompletedOnce(db, http, a);
          assertOneEffectiveCallPerStep(service, completed(db));
          assertEachTaskStartedOnce(db, starts);
          System.out.printf("[pg restart] %d instances, %d requests, %d distinct idempotency keys, %d duplicate deliveries"
              + " absorbed; %d tasks, each started once with attempt 0; %.1f s in all%n", INSTANCES, service.requests.get(),
              service.byKey.size(), service.duplicateDeliveries(), TASKS, (System.nanoTime() - t0) / 1e9);
        }
      } finally {
        for (ChildProcess c : children.reversed()) {
          c.close();
        }
      }
    }
  }

  /** A read and a write, each to be answered 503 while the database is down. */
  private static List<HttpRequest> requestsDuringOutage(String base) {
    return List.of(request("GET", base + "/api/v1/instances?limit=1", null, null).timeout(ANSWER_LIMIT).build(),
        request("POST", base + "/api/v1/jobs", "application/json",
            "{\"id\":\"during-outage\",\"task\":{\"run\":{\"command\":\"true\"}}}").timeout(ANSWER_LIMIT).build());
  }

  /** While the database is down, {@code r} gets 503 with a problem detail, well within {@link #ANSWER_LIMIT}. */
  private static Void assertAnswersUnavailable(HttpClient http, HttpRequest r) throws Exception {
    long sent = System.nanoTime();
    HttpResponse<String> answer = http.send(r, HttpResponse.BodyHandlers.ofString());
    System.out.printf("[pg restart] %s %s while PostgreSQL was down: %d in %.1f s: %s%n", r.method(), r.uri(),
        answer.statusCode(), (System.nanoTime() - sent) / 1e9, answer.body());
    assertThat(answer.statusCode()).as("%s %s while the database is down: %s", r.method(), r.uri(), answer.body()).isEqualTo(503);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(JSON.readTree(answer.body()).path("status").asInt()).isEqualTo(503);
    return null;
  }

  private static void assertInstancesCompletedOnce(Database db, HttpClient http, String base) throws Exception {
    List<Instance> done = completed(db);
    assertThat(db.instances().list(InstanceFilter.all(10 * INSTANCES))).as("instances stored").hasSize(INSTANCES);
    for (Instance i : done) {
      int n = Integer.parseInt(i.idempotencyKey().substring(i.idempotencyKey().lastIndexOf('-') + 1));
      JsonNode view = JSON.readTree(send(http, "GET", base + "/api/v1/instances/" + i.id(), null, null, Map.of(), 200));
      assertThat(view.path("output").toString()).as("output of %s", i.idempotencyKey())
          .contains("\"order\":" + n + ",\"step\":\"ship\"").contains("\"order\":" + n + ",\"step\":\"notify\"");
      assertThat(db.events().history(i.id()).stream().collect(Collectors.groupingBy(RecordedEvent::type, Collectors.counting())))
          .as("journal of %s: no step recorded twice", i.idempotencyKey())
          .isEqualTo(Map.of("Started", 1L, "TimerFired", 1L, "CommandCompleted", 3L));
    }
  }

  /** Each instance has one applied key per called path, each path applied once per instance, nothing without a key. */
  private static void assertOneEffectiveCallPerStep(CountingService service, List<Instance> done) {
    assertThat(service.withoutKey.get()).as("requests without Idempotency-Key").isZero();
    assertThat(service.byKey).as("distinct idempotency keys = http steps").hasSize(INSTANCES * CALLED_PATHS.length);
    for (String path : CALLED_PATHS) {
      assertThat(service.appliedOn(path)).as("applied on %s", path).isEqualTo(INSTANCES);
    }
    Set<String> ids = done.stream().map(Instance::id).collect(Collectors.toSet());
    Map<String, Long> keysPerInstance = service.byKey.keySet().stream()
        .collect(Collectors.groupingBy(k -> k.substring(0, k.indexOf('/')), Collectors.counting()));
    assertThat(keysPerInstance.keySet()).as("instances the keys name").isEqualTo(ids);
    assertThat(keysPerInstance.values()).as("keys per instance").allMatch(n -> n == CALLED_PATHS.length);
  }

  /** Every task succeeded with attempt 0 and the shared start file holds exactly one line per task. */
  private static void assertEachTaskStartedOnce(Database db, Path starts) throws Exception {
    List<TaskRecord> tasks = db.tasks().ofJob(JOB);
    assertThat(tasks).as("tasks of the job").hasSize(TASKS).allSatisfy(t -> {
      assertThat(t.exitCode()).as("exit code of %s", t.id()).isZero();
      assertThat(t.attempt()).as("attempt of %s (no node was lost)", t.id()).isZero();
    });
    Map<String, Long> startsPerRun = Files.readAllLines(starts).stream()
        .collect(Collectors.groupingBy(l -> l, Collectors.counting()));
    assertThat(startsPerRun).as("one start line per task, attempt 0")
        .isEqualTo(tasks.stream().collect(Collectors.toMap(t -> t.id() + " 0", t -> 1L)));
  }

  private static String workflow(String service) {
    return """
        document:
          dsl: '1.0.0'
          namespace: pgrestart
          name: orders
          version: '0.1.0'
        do:
          - pause:
              wait: PT1S
          - charge:
              call: http
              with:
                method: post
                endpoint: %1$s/charge
                body:
                  order: ${ .order }
          - deliver:
              fork:
                branches:
                  - ship:
                      call: http
                      with:
                        method: post
                        endpoint: %1$s/ship
                        body:
                          order: ${ .order }
                  - notify:
                      call: http
                      with:
                        method: post
                        endpoint: %1$s/notify
                        body:
                          order: ${ .order }
        """.formatted(service);
  }

  /** Starts the instances over the REST APIs of the servers in turn, eight at a time, each with its own Idempotency-Key. */
  private static void startInstances(HttpClient http, List<String> bases) throws Exception {
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<String>> started = new ArrayList<>();
      for (int n = 0; n < INSTANCES; n++) {
        String body = "{\"definition\":\"pgrestart/orders\",\"input\":{\"order\":" + n + "}}";
        String url = bases.get(n % bases.size()) + "/api/v1/instances";
        String key = "order-" + n;
        started.add(pool.submit(() -> send(http, "POST", url, "application/json", body, Map.of("Idempotency-Key", key), 201)));
      }
      for (Future<String> f : started) {
        f.get();
      }
    }
  }

  private ChildProcess server(String tag, String url, Path tokens) throws Exception {
    return ChildProcess.weft(tag, List.of("server", "--db", url, "--port", Integer.toString(ChildProcess.freeLoopbackPort()),
        "--bind", "127.0.0.1", "--tokens", tokens.toString(), "--workers", "8"));
  }

  private ChildProcess agent(String name, List<String> servers) throws Exception {
    List<String> args = new ArrayList<>(List.of("agent"));
    servers.forEach(s -> args.addAll(List.of("--server", s)));
    args.addAll(List.of("--token", AGENT, "--name", name, "--topology", "eu/zone-a/" + name, "--cpus", "2",
        "--memory", "1Gi", "--heartbeat", "1s", "--slots", "50", "--data-dir", dir.resolve(name).toString(),
        "--work-dir", dir.resolve(name + "-work").toString(), "--enforcement", "none"));
    return ChildProcess.weft(name, args);
  }

  private static List<Instance> completed(Database db) {
    return db.instances().list(InstanceFilter.all(10 * INSTANCES).withStatus(InstanceStatus.COMPLETED));
  }

  private static List<TaskRecord> succeeded(Database db) {
    return db.tasks().ofJob(JOB).stream().filter(t -> t.status() == TaskState.SUCCEEDED).toList();
  }

  private static String progress(Database db) {
    Map<InstanceStatus, Long> instances = db.instances().list(InstanceFilter.all(10 * INSTANCES)).stream()
        .collect(Collectors.groupingBy(Instance::status, Collectors.counting()));
    Map<TaskState, Long> tasks = db.tasks().ofJob(JOB).stream()
        .collect(Collectors.groupingBy(TaskRecord::status, Collectors.counting()));
    return "instances " + instances + ", tasks " + tasks;
  }

  private static HttpRequest.Builder request(String method, String url, String type, String body) {
    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + ADMIN)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (type != null) {
      req.header("Content-Type", type);
    }
    return req;
  }

  private static String send(HttpClient http, String method, String url, String type, String body,
      Map<String, String> headers, int expected) throws Exception {
    HttpRequest.Builder req = request(method, url, type, body);
    headers.forEach(req::header);
    HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("%s %s: %s", method, url, r.body()).isEqualTo(expected);
    return r.body();
  }

  /**
   * Polls {@code done} every 200 ms up to {@link #PATIENCE}. A query failing while the database
   * is away counts as not done yet (the test's own pool recovers like the servers').
   */
  private static void waitFor(String what, BooleanSupplier done, Supplier<String> state) throws InterruptedException {
    ClusterChecks.waitFor(what, PATIENCE, () -> holds(done), state);
  }

  private static boolean holds(BooleanSupplier done) {
    try {
      return done.getAsBoolean();
    } catch (dev.weft.store.StoreException e) {
      return false;
    }
  }
}
