package dev.weft.agent.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.agent.enforce.Enforcement;
import dev.weft.agent.enforce.EnforcementKind;
import dev.weft.agent.exec.SuspendMethod;
import dev.weft.agent.exec.TaskCommand;
import dev.weft.agent.exec.TaskOutcome;
import dev.weft.agent.exec.TaskRunner;
import dev.weft.agent.logs.LogAck;
import dev.weft.agent.logs.LogPiece;
import dev.weft.model.Resources;
import dev.weft.model.TopologyPath;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Heartbeats go out on their own schedule while the loop is stuck in a long poll or a slow task
 * start. The interval is short (20 ms) but nothing here depends on timing: the poll or start blocks
 * until the test has seen the heartbeats it waits for (with a generous deadline), so they can only
 * have been sent while the loop was held up.
 */
class HeartbeatsTest {
  static final Duration EVERY = Duration.ofMillis(20);
  static final Duration PATIENCE = Duration.ofSeconds(60);
  final InMemoryProtocol server = new InMemoryProtocol();
  final CountDownLatch held = new CountDownLatch(1);
  final CountDownLatch release = new CountDownLatch(1);
  final ScheduledExecutorService beater = Executors.newSingleThreadScheduledExecutor();
  final NodeInfo node = new NodeInfo("host-1", Resources.of(4000, 8192), Map.of(), TopologyPath.parse("eu/a/r1"),
      new Enforcement(EnforcementKind.RLIMIT, true, false, false, "", List.of()));
  final LoopSettings settings = new LoopSettings(4, 4, Duration.ofSeconds(20), EVERY, 10);

  @AfterEach
  void stop() {
    release.countDown();
    beater.shutdownNow();
  }

  @Test
  void heartbeats_go_out_while_the_loop_waits_in_a_long_poll() throws Exception {
    AgentLoop loop = new AgentLoop(new PollHeldUp(server), new StartHeldUp(false), node, settings, InstantSource.system());
    loop.session();
    new Heartbeats(loop, EVERY, m -> { }).start(beater);
    Thread round = runOneTick(loop);

    await(() -> server.heartbeats.size() >= 3);
    assertThat(release.getCount()).as("the poll is still held up").isEqualTo(1);
    assertThat(server.heartbeats).allSatisfy(h -> assertThat(h.nodeId()).isEqualTo("node-1"));
    release.countDown();
    round.join(PATIENCE.toMillis());
    assertThat(round.isAlive()).isFalse();
  }

  @Test
  void heartbeats_go_out_while_a_task_start_is_slow_and_name_the_tasks_already_running() throws Exception {
    server.queued.add(new Assignment.Start(TaskCommand.shell("slow", "true")));
    StartHeldUp runner = new StartHeldUp(true);
    runner.running.add("earlier");
    AgentLoop loop = new AgentLoop(server, runner, node, settings, InstantSource.system());
    loop.session();
    new Heartbeats(loop, EVERY, m -> { }).start(beater);
    Thread round = runOneTick(loop);

    assertThat(held.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    int before = server.heartbeats.size();
    await(() -> server.heartbeats.size() >= before + 3);
    assertThat(server.heartbeats.getLast().running()).containsExactly("earlier");
    release.countDown();
    round.join(PATIENCE.toMillis());
    assertThat(server.reported()).extracting(c -> c.taskId() + " " + c.state()).containsExactly("slow RUNNING");
  }

  @Test
  void a_node_forgotten_while_the_loop_polls_joins_again_once_and_the_loop_takes_the_new_id() throws Exception {
    PollHeldUp protocol = new PollHeldUp(server);
    AgentLoop loop = new AgentLoop(protocol, new StartHeldUp(false), node, settings, InstantSource.system());
    loop.session();
    Thread round = runOneTick(loop);
    assertThat(held.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    server.knowsNode = false;
    new Heartbeats(loop, EVERY, m -> { }).start(beater);

    await(() -> server.heartbeats.stream().anyMatch(h -> h.nodeId().equals("node-2")));
    assertThat(server.joins).hasSize(2);
    release.countDown();
    round.join(PATIENCE.toMillis());
    loop.tick();
    assertThat(protocol.polledAs).containsExactly("node-1", "node-2");
  }

  @Test
  void a_failing_heartbeat_is_told_once_and_its_return_once() {
    AgentLoop loop = new AgentLoop(server, new StartHeldUp(false), node, settings, InstantSource.system());
    loop.session();
    List<String> said = new CopyOnWriteArrayList<>();
    Heartbeats beats = new Heartbeats(loop, EVERY, said::add);
    server.down = true;
    beats.beat();
    beats.beat();
    server.down = false;
    beats.beat();
    beats.beat();
    assertThat(said).containsExactly(
        "heartbeat failed (heartbeat: connection refused (test server is down)); trying again every 20 ms",
        "heartbeats go through again");
    assertThat(server.heartbeats).hasSize(2);
  }

  private Thread runOneTick(AgentLoop loop) {
    Thread t = new Thread(loop::tick, "test-loop");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited %s for the condition", PATIENCE).isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  /** The in-memory server, but a poll waits until the test releases it (a long poll that finds nothing). */
  private final class PollHeldUp implements AgentProtocol {
    final InMemoryProtocol inner;
    final List<String> polledAs = new CopyOnWriteArrayList<>();

    PollHeldUp(InMemoryProtocol inner) {
      this.inner = inner;
    }

    @Override
    public Joined join(NodeInfo n) {
      return inner.join(n);
    }

    @Override
    public boolean heartbeat(Heartbeat beat) {
      return inner.heartbeat(beat);
    }

    @Override
    public List<Assignment> poll(String nodeId, int maxStarts, Duration wait) {
      polledAs.add(nodeId);
      held.countDown();
      try {
        release.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return List.of();
    }

    @Override
    public void report(String nodeId, List<StatusChange> batch) {
      inner.report(nodeId, batch);
    }

    @Override
    public List<LogAck> shipLogs(String nodeId, List<LogPiece> pieces) {
      return inner.shipLogs(nodeId, pieces);
    }
  }

  /** A runner whose starts, when {@code slow}, wait until the test releases them (a loaded machine). */
  private final class StartHeldUp implements TaskRunner {
    final Set<String> running = ConcurrentHashMap.newKeySet();
    final boolean slow;

    StartHeldUp(boolean slow) {
      this.slow = slow;
    }

    @Override
    public CompletableFuture<TaskOutcome> launch(TaskCommand command) {
      if (slow) {
        held.countDown();
        try {
          release.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      running.add(command.taskId());
      return new CompletableFuture<>();
    }

    @Override
    public boolean kill(String taskId, String why) {
      return false;
    }

    @Override
    public Optional<SuspendMethod> suspend(String taskId) {
      return Optional.empty();
    }

    @Override
    public boolean resume(String taskId) {
      return false;
    }

    @Override
    public Set<String> running() {
      return Set.copyOf(running);
    }
  }
}
