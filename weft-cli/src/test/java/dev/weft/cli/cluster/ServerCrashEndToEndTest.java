package dev.weft.cli.cluster;

import static dev.weft.cli.cluster.ClusterChecks.start;
import static dev.weft.cli.cluster.ClusterChecks.firstTime;
import dev.weft.server.runtime.CountingService;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.model.Resources;
import dev.weft.model.TaskRun;
import dev.weft.model.TaskSpec;
import dev.weft.model.codec.Format;
import dev.weft.model.codec.SpecCodec;
import dev.weft.model.lifecycle.TaskState;
import dev.weft.store.Database;
import dev.weft.store.Instance;
import dev.weft.store.InstanceFilter;
import dev.weft.store.InstanceStatus;
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
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5 (b): {@code kill -9} the only {@code weft server} while {@value #INSTANCES} workflow
 * instances and {@value #TASKS} tasks are in flight, restart it on the same PostgreSQL schema
 * and port: everything completes, nothing is lost or duplicated. The server and two agents are
 * child JVMs; the test stores a workflow (a short {@code wait}, then two http calls to an
 * {@link CountingService} in this process) and starts the instances over the REST API with an
 * {@code Idempotency-Key} each, and submits an array job of short shell tasks that append
 * "task attempt" to one shared file as they start. Once part, not all, of both is done (read
 * from the database) the server is killed; the agents keep retrying with their unsent reports.
 * Waits are on conditions with generous limits; nothing is timed.
 */
class ServerCrashEndToEndTest {
  private static final String ADMIN = "admin-token-crash-0123456789";
  private static final String AGENT = "agent-token-crash-0123456789";
  private static final Duration PATIENCE = Duration.ofMinutes(3);
  private static final Duration STARTUP = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int INSTANCES = 500;
  private static final int TASKS = 2000;
  private static final String[] CALLED_PATHS = {"/charge", "/ship"};
  private static final String JOB = "noop";

  @TempDir
  Path dir;

  @Test
  void killing_the_only_server_midway_loses_and_duplicates_nothing() throws Exception {
    PostgresSchema schema = PostgresSchema.create("weft_crash_");
    String url = schema.url();
    Path tokens = Files.writeString(dir.resolve("tokens.txt"), ADMIN + " admin\n" + AGENT + " agent node-agents\n");
    Path starts = dir.resolve("starts.log");
    List<ChildProcess> children = new ArrayList<>();
    long t0 = System.nanoTime();
    try (CountingService service = new CountingService(0)) {
      int port = ChildProcess.freeLoopbackPort();
      List<String> serverArgs = List.of("server", "--db", url, "--port", Integer.toString(port), "--bind", "127.0.0.1",
          "--tokens", tokens.toString(), "--node-timeout", "6s", "--workers", "8");
      ChildProcess server = start(children, ChildProcess.weft("server", serverArgs));
      String base = server.awaitListening(STARTUP);
      start(children, agent("node-a", base));
      start(children, agent("node-b", base));
      HttpClient http = HttpClient.newHttpClient();
      try (Database db = Database.open(url)) {
        waitFor("both agents joined", () -> db.nodes().list().size() == 2, server::output);
        send(http, "POST", base + "/api/v1/workflows", "application/yaml", workflow(service.base()), Map.of(), 201);
        long joinedAt = System.nanoTime();
        TaskSpec noop = TaskSpec.builder("template").resources(Resources.of(10, 0))
            .run(TaskRun.shell("echo \"$WEFT_TASK_ID $WEFT_ATTEMPT\" >> '" + starts + "'")).build();
        String job = "{\"id\":\"" + JOB + "\",\"count\":" + TASKS + ",\"task\":" + SpecCodec.writeTask(noop, Format.JSON) + "}";
        send(http, "POST", base + "/api/v1/jobs", "application/json", job, Map.of(), 201);
        startInstances(http, base);
        long instancesStartedAt = System.nanoTime();
        System.out.printf("[server crash] server up and both agents joined after %.1f s; %d tasks submitted, then %d instances started"
            + " over the API in %.1f s%n", (joinedAt - t0) / 1e9, TASKS, INSTANCES, (instancesStartedAt - joinedAt) / 1e9);

        waitFor("part of the instances completed and part of the tasks succeeded", () ->
            completed(db).size() >= INSTANCES / 10 && succeeded(db).size() >= TASKS / 10, () -> progress(db));
        server.killHard();
        long killedAt = System.nanoTime();
        int completedAtKill = completed(db).size();
        List<TaskRecord> atKill = db.tasks().ofJob(JOB);
        Map<TaskState, Long> tasksAtKill = atKill.stream().collect(Collectors.groupingBy(TaskRecord::status, Collectors.counting()));
        Set<String> inFlightAtKill = atKill.stream()
            .filter(t -> t.status() == TaskState.PLACED || t.status() == TaskState.RUNNING)
            .map(TaskRecord::id).collect(Collectors.toSet());
        int requestsAtKill = service.requests.get();
        System.out.printf("[server crash] killed the server after %.1f s with %d/%d instances completed, tasks %s,"
            + " %d requests delivered%n", (killedAt - t0) / 1e9, completedAtKill, INSTANCES, tasksAtKill, requestsAtKill);
        assertThat(completedAtKill).as("instances completed at the kill").isBetween(1, INSTANCES - 1);
        assertThat(tasksAtKill.getOrDefault(TaskState.SUCCEEDED, 0L)).as("tasks succeeded at the kill").isBetween(1L, TASKS - 1L);

        ChildProcess restarted = start(children, ChildProcess.weft("server-2", serverArgs));
        assertThat(restarted.awaitListening(STARTUP)).isEqualTo(base);
        AtomicLong instancesDoneAt = new AtomicLong();
        AtomicLong tasksDoneAt = new AtomicLong();
        waitFor("every instance completed and every task succeeded", () ->
            firstTime(instancesDoneAt, completed(db).size() == INSTANCES) & firstTime(tasksDoneAt, succeeded(db).size() == TASKS),
            () -> progress(db));
        long doneAt = System.nanoTime();

        List<Instance> done = completed(db);
        assertThat(db.instances().list(InstanceFilter.all(10 * INSTANCES))).as("instances stored").hasSize(INSTANCES);
        for (Instance i : done) {
          int n = Integer.parseInt(i.idempotencyKey().substring(i.idempotencyKey().lastIndexOf('-') + 1));
          JsonNode view = JSON.readTree(send(http, "GET", base + "/api/v1/instances/" + i.id(), null, null, Map.of(), 200));
          assertThat(view.path("output")).as("output of %s", i.idempotencyKey())
              .isEqualTo(JSON.createObjectNode().put("order", n).put("step", "ship"));
          assertThat(db.events().history(i.id()).stream().collect(Collectors.groupingBy(RecordedEvent::type, Collectors.counting())))
              .as("journal of %s: no step recorded twice", i.idempotencyKey())
              .isEqualTo(Map.of("Started", 1L, "TimerFired", 1L, "CommandCompleted", 2L));
        }
        assertOneEffectiveCallPerStep(service, done);

        List<TaskRecord> tasks = db.tasks().ofJob(JOB);
        assertThat(tasks).as("tasks of the job").hasSize(TASKS)
            .allSatisfy(t -> assertThat(t.exitCode()).as("exit code of %s", t.id()).isZero());
        List<String> startLines = Files.readAllLines(starts);
        Map<String, Long> startsPerRun = startLines.stream().collect(Collectors.groupingBy(l -> l, Collectors.counting()));
        assertThat(startsPerRun.entrySet()).as("no task started twice with the same attempt")
            .allSatisfy(e -> assertThat(e.getValue()).as(e.getKey()).isOne());
        Map<String, TaskRecord> byId = tasks.stream().collect(Collectors.toMap(TaskRecord::id, Function.identity()));
        for (TaskRecord t : tasks) {
          assertThat(startsPerRun).as("the succeeded attempt of %s started", t.id()).containsKey(t.id() + " " + t.attempt());
        }
        long rerun = tasks.stream().filter(t -> t.attempt() > 0).count();
        assertThat(tasks.stream().filter(t -> t.attempt() > 0).map(TaskRecord::id))
            .as("only tasks in flight at the kill ran again").allMatch(inFlightAtKill::contains);
        for (String line : startLines) {
          String[] idAttempt = line.split(" ");
          assertThat(Integer.parseInt(idAttempt[1])).as("attempt of a start of %s", idAttempt[0])
              .isLessThanOrEqualTo(byId.get(idAttempt[0]).attempt());
        }
        long inFlightFinishedOnce = inFlightAtKill.stream().filter(id -> byId.get(id).attempt() == 0).count();
        System.out.printf("[server crash] after the kill: every task succeeded within %.1f s, every instance completed"
            + " within %.1f s (the engine's 30 s command lease of the dead server)%n",
            (tasksDoneAt.get() - killedAt) / 1e9, (instancesDoneAt.get() - killedAt) / 1e9);
        System.out.printf("[server crash] all done %.1f s after the kill (%.1f s in all);"
                + " %d instances, %d requests, %d distinct idempotency keys, %d duplicate deliveries absorbed;"
                + " %d tasks, %d starts; of %d placed or running at the kill %d finished once and %d re-ran with attempt+1"
                + " (%d re-ran in all)%n",
            (doneAt - killedAt) / 1e9, (doneAt - t0) / 1e9, INSTANCES, service.requests.get(), service.byKey.size(),
            service.duplicateDeliveries(), TASKS, startLines.size(), inFlightAtKill.size(), inFlightFinishedOnce,
            inFlightAtKill.size() - inFlightFinishedOnce, rerun);
      }
    } finally {
      for (ChildProcess c : children.reversed()) {
        c.close();
      }
      schema.close();
    }
  }

  private static String workflow(String service) {
    return """
        document:
          dsl: '1.0.0'
          namespace: crash
          name: orders
          version: '0.1.0'
        do:
          - pause:
              wait: PT2S
          - charge:
              call: http
              with:
                method: post
                endpoint: %1$s/charge
                body:
                  order: ${ .order }
          - ship:
              call: http
              with:
                method: post
                endpoint: %1$s/ship
                body:
                  order: ${ .order }
        """.formatted(service);
  }

  /** Starts the instances over the REST API, eight at a time, each with its own Idempotency-Key. */
  private static void startInstances(HttpClient http, String base) throws Exception {
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<String>> started = new ArrayList<>();
      for (int n = 0; n < INSTANCES; n++) {
        String body = "{\"definition\":\"crash/orders\",\"input\":{\"order\":" + n + "}}";
        String key = "order-" + n;
        started.add(pool.submit(() -> send(http, "POST", base + "/api/v1/instances", "application/json", body,
            Map.of("Idempotency-Key", key), 201)));
      }
      for (Future<String> f : started) {
        f.get();
      }
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

  private ChildProcess agent(String name, String base) throws Exception {
    return ChildProcess.weft(name, List.of("agent", "--server", base, "--token", AGENT, "--name", name,
        "--topology", "eu/zone-a/" + name, "--cpus", "2", "--memory", "1Gi", "--heartbeat", "1s", "--slots", "100",
        "--data-dir", dir.resolve(name).toString(), "--work-dir", dir.resolve(name + "-work").toString(),
        "--enforcement", "none"));
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

  private static String send(HttpClient http, String method, String url, String type, String body,
      Map<String, String> headers, int expected) throws Exception {
    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + ADMIN)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (type != null) {
      req.header("Content-Type", type);
    }
    headers.forEach(req::header);
    HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("%s %s: %s", method, url, r.body()).isEqualTo(expected);
    return r.body();
  }

  private static void waitFor(String what, BooleanSupplier done, Supplier<String> state) throws InterruptedException {
    ClusterChecks.waitFor(what, PATIENCE, done, state);
  }
}
