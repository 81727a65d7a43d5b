package dev.weft.cli.cluster;

import static dev.weft.cli.cluster.ClusterChecks.start;
import static dev.weft.cli.cluster.ClusterChecks.PATIENCE;
import static dev.weft.cli.cluster.ClusterChecks.describe;
import static dev.weft.cli.cluster.ClusterChecks.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.Resources;
import dev.weft.model.TaskRun;
import dev.weft.model.TaskSpec;
import dev.weft.model.lifecycle.TaskState;
import dev.weft.server.scheduling.JobSubmission;
import dev.weft.server.scheduling.RunId;
import dev.weft.store.Database;
import dev.weft.store.NodeRecord;
import dev.weft.store.NodeState;
import dev.weft.store.TaskRecord;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole cluster for real: {@code weft server} and two {@code weft agent}s as child JVMs,
 * joined over HTTP with an agent token, the database PostgreSQL (a schema of its own) or an H2
 * file. 20 short shell tasks each run once, spread over both nodes, output kept by the agent
 * that ran them; the server restarts and the agents carry on with it; then an agent is killed with SIGKILL while it runs a long task: its node is
 * marked down after the 10 s heartbeat timeout and the task runs again, attempt counted, on the
 * other agent. Waits are on conditions with generous limits; nothing is timed.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ClusterEndToEndTest {
  private static final String ADMIN = "admin-token-e2e-0123456789";
  private static final String AGENT = "agent-token-e2e-0123456789";

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"postgresql", "h2"})
  void two_agents_run_a_job_and_a_killed_agents_task_runs_again_elsewhere(String kind) throws Exception {
    PostgresSchema schema = kind.equals("h2") ? null : PostgresSchema.create("weft_e2e_");
    String url = schema == null ? "jdbc:h2:file:" + dir.resolve("db/weft").toAbsolutePath() + ";AUTO_SERVER=TRUE"
        : schema.url();
    Path tokens = Files.writeString(dir.resolve("tokens.txt"), ADMIN + " admin\n" + AGENT + " agent node-agents\n");
    List<ChildProcess> children = new ArrayList<>();
    try {
      int port = ChildProcess.freeLoopbackPort();
      List<String> serverArgs = List.of("server", "--db", url, "--port", Integer.toString(port), "--bind", "127.0.0.1",
          "--tokens", tokens.toString(), "--node-timeout", "10s"); // 10 s: a loaded 2-core machine can hold a heartbeat up for seconds
      ChildProcess server = start(children, ChildProcess.weft("server", serverArgs));
      String base = server.awaitListening(PATIENCE);
      assertThat(httpGet(base + "/api/v1/openapi.json", ADMIN)).contains("/api/v1/agent/poll", "/api/v1/agent/report");
      ChildProcess a = start(children, agent("node-a", "eu/zone-a/rack-1", base));
      ChildProcess b = start(children, agent("node-b", "eu/zone-b/rack-7", base));
      try (Database db = Database.open(url)) {
        waitFor("both agents joined", () -> db.nodes().list().size() == 2, () -> server.output());
        assertThat(db.nodes().find("node-a").orElseThrow().topology()).isEqualTo("eu/zone-a/rack-1");
        assertThat(db.nodes().find("node-b").orElseThrow().topology()).isEqualTo("eu/zone-b/rack-7");

        // a second agent started as node-a (another machine, the same name) is refused while node-a's agent lives
        try (ChildProcess impostor = ChildProcess.agent("impostor", "node-a", "us/zone-c/rack-2", List.of(base), AGENT,
            dir)) {
          waitFor("the second node-a refused", () -> impostor.output().contains("node node-a is held by another agent"),
              impostor::output);
        }
        assertThat(db.nodes().find("node-a").orElseThrow().topology()).isEqualTo("eu/zone-a/rack-1");
        assertThat(db.nodes().list()).hasSize(2);

        // 20 short tasks, 250m each: 5 cpus in all, more than one node's 2, so both nodes take some
        TaskSpec shortTask = TaskSpec.builder("template").resources(Resources.of(250, 0))
            .run(TaskRun.shell("echo \"hello from $WEFT_TASK_ID attempt $WEFT_ATTEMPT\"; sleep 0.2")).build();
        new JobSubmission(db).submit("hello", "hello", JobSubmission.array("hello", shortTask, 20), Instant.now());
        waitFor("all 20 tasks succeeded", () -> db.tasks().ofJob("hello").stream()
            .allMatch(t -> t.status() == TaskState.SUCCEEDED), () -> describe(db.tasks().ofJob("hello")));
        List<TaskRecord> done = db.tasks().ofJob("hello");
        assertThat(done).hasSize(20).allSatisfy(t -> {
          assertThat(t.attempt()).as("attempt of %s", t.id()).isZero();
          assertThat(t.exitCode()).isZero();
          assertThat(t.nodeId()).isIn("node-a", "node-b");
        });
        assertThat(done.stream().map(TaskRecord::nodeId).collect(Collectors.toSet()))
            .as("nodes used").containsExactlyInAnyOrder("node-a", "node-b");
        for (TaskRecord t : done) {
          String run = new RunId(t.id(), 0).toString();
          Path ranHere = ClusterChecks.stdout(dir, t.nodeId(), run);
          Path other = ClusterChecks.stdout(dir, t.nodeId().equals("node-a") ? "node-b" : "node-a", run);
          assertThat(Files.readString(ranHere)).as("stdout of %s", t.id())
              .isEqualTo("hello from " + t.id() + " attempt 0\n"); // one line: it ran once
          assertThat(other).as("%s did not run on the other node", t.id()).doesNotExist();
        }

        // the server restarts: the agents keep trying and carry on with the new one
        server.close();
        ChildProcess restarted = start(children, ChildProcess.weft("server-2", serverArgs));
        assertThat(restarted.awaitListening(PATIENCE)).isEqualTo(base);
        TaskSpec afterRestart = TaskSpec.builder("template").resources(Resources.of(250, 0))
            .run(TaskRun.shell("echo \"again $WEFT_TASK_ID\"")).build();
        new JobSubmission(db).submit("again", "again", JobSubmission.array("again", afterRestart, 4), Instant.now());
        waitFor("the 4 tasks after the restart succeeded", () -> db.tasks().ofJob("again").stream()
            .allMatch(t -> t.status() == TaskState.SUCCEEDED), () -> describe(db.tasks().ofJob("again")));
        assertThat(db.tasks().ofJob("again")).allSatisfy(t -> assertThat(t.attempt()).isZero());
        assertThat(a.output() + "\n" + b.output()).contains("server reachable again");

        // two long tasks of 1.5 cpu: one per node; kill -9 the agent running the first
        TaskSpec longTask = TaskSpec.builder("template").resources(Resources.of(1500, 0))
            .run(TaskRun.shell("sleep 5; echo \"long $WEFT_TASK_ID attempt $WEFT_ATTEMPT done\"")).build();
        new JobSubmission(db).submit("long", "long", JobSubmission.array("long", longTask, 2), Instant.now());
        waitFor("both long tasks running", () -> db.tasks().ofJob("long").stream()
            .allMatch(t -> t.status() == TaskState.RUNNING), () -> describe(db.tasks().ofJob("long")));
        TaskRecord victim = db.tasks().find("long/0").orElseThrow();
        String lostNode = victim.nodeId();
        String survivor = lostNode.equals("node-a") ? "node-b" : "node-a";
        (lostNode.equals("node-a") ? a : b).killHard();

        waitFor("the killed agent's node is down", () -> db.nodes().find(lostNode).map(NodeRecord::state)
            .orElseThrow() == NodeState.DOWN, () -> db.nodes().list().toString());
        waitFor("the lost task ran again and succeeded", () -> db.tasks().find("long/0").orElseThrow().status()
            == TaskState.SUCCEEDED, () -> describe(db.tasks().ofJob("long")));
        TaskRecord again = db.tasks().find("long/0").orElseThrow();
        assertThat(again.attempt()).as("attempt counted").isEqualTo(1);
        assertThat(again.nodeId()).isEqualTo(survivor);
        assertThat(Files.readString(ClusterChecks.stdout(dir, survivor, new RunId("long/0", 1).toString())))
            .isEqualTo("long long/0 attempt 1 done\n");
        waitFor("the other long task succeeded", () -> db.tasks().find("long/1").orElseThrow().status()
            == TaskState.SUCCEEDED, () -> describe(db.tasks().ofJob("long")));
        assertThat(db.tasks().find("long/1").orElseThrow().attempt()).isZero();
        assertThat(db.nodes().find(survivor).orElseThrow().state()).isEqualTo(NodeState.UP);
      }
    } finally {
      for (ChildProcess c : children.reversed()) {
        c.close();
      }
      if (schema != null) {
        schema.close();
      }
    }
  }

  private ChildProcess agent(String name, String topology, String base) throws Exception {
    return ChildProcess.agent(name, topology, List.of(base), AGENT, dir);
  }

  private static String httpGet(String url, String token) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(url).isEqualTo(200);
    return r.body();
  }
}
