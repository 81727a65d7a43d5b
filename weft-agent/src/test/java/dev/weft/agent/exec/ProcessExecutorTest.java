package dev.weft.agent.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessExecutorTest {
  @TempDir
  Path tmp;
  Rig rig;

  @BeforeEach
  void setUp() {
    rig = new Rig(tmp, Rig.bestConfiner());
    System.out.println("enforcement: " + rig.executor.enforcement().summary());
  }

  @AfterEach
  void tearDown() {
    rig.close();
  }

  @Test
  void stdout_and_stderr_are_kept_per_task() throws Exception {
    String id = Rig.id("echo");
    TaskOutcome o = rig.run(TaskCommand.shell(id, "echo hello; echo oops >&2"));
    assertThat(o.status()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(o.exitCode()).isZero();
    assertThat(rig.out(id)).isEqualTo("hello\n");
    assertThat(rig.err(id)).isEqualTo("oops\n");
  }

  @Test
  void a_non_zero_exit_is_failed_with_its_code() throws Exception {
    TaskOutcome o = rig.run(TaskCommand.shell(Rig.id("exit"), "exit 3"));
    assertThat(o.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(o.exitCode()).isEqualTo(3);
    assertThat(o.detail()).isEqualTo("exited 3");
  }

  @Test
  void argv_env_and_working_directory_reach_the_task() throws Exception {
    String id = Rig.id("argv");
    Path work = Files.createDirectory(tmp.resolve("work dir"));
    TaskCommand cmd = new TaskCommand(id, List.of("sh", "-c", "echo \"$1 $GREETING\"; pwd", "x", "it's me"),
        Map.of("GREETING", "hi"), work, 0, 0, Duration.ZERO, null);
    assertThat(rig.run(cmd).status()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(rig.out(id)).isEqualTo("it's me hi\n" + work.toRealPath() + "\n");
  }

  @Test
  void stdin_reaches_the_task_and_its_file_does_not_stay() throws Exception {
    String id = Rig.id("stdin");
    TaskCommand cmd = TaskCommand.shell(id, "tr a-z A-Z; ls \"$STATE\"").withEnv(Map.of("STATE",
        rig.state.stdinFile(id).getParent().toString())).withStdin("line one\nline two\n");
    assertThat(rig.run(cmd).status()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(rig.out(id)).startsWith("LINE ONE\nLINE TWO\n").doesNotContain(".stdin");
    assertThat(rig.state.stdinFile(id)).doesNotExist();
  }

  @Test
  void without_stdin_the_task_reads_end_of_file_at_once() throws Exception {
    String id = Rig.id("nostdin");
    assertThat(rig.run(TaskCommand.shell(id, "cat; echo done")).status()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(rig.out(id)).isEqualTo("done\n");
  }

  @Test
  void the_task_leads_its_own_process_group() throws Exception {
    String id = Rig.id("group");
    RunningTask t = rig.executor.start(TaskCommand.shell(id, "sleep 600"));
    ProcStat s = rig.stat(t.pid()).orElseThrow();
    assertThat(s.pgrp()).isEqualTo(t.pid());
    assertThat(s.session()).isEqualTo(t.pid());
    rig.executor.kill(id, "done", Duration.ZERO);
    assertThat(t.outcome().get(1, TimeUnit.MINUTES).status()).isEqualTo(TaskStatus.KILLED);
  }

  @Test
  void a_timeout_kills_the_whole_process_group_including_grandchildren() throws Exception {
    String id = Rig.id("timeout");
    Path gcFile = tmp.resolve("grandchild.pid");
    TaskCommand cmd = TaskCommand.shell(id, "sh -c 'sleep 600 & echo $! > " + gcFile + "; wait'")
        .withTimeout(Duration.ofSeconds(1), Duration.ofSeconds(2));
    RunningTask t = rig.executor.start(cmd);
    assertThat(Rig.eventually(() -> Files.exists(gcFile) && size(gcFile) > 0)).isTrue();
    long grandchild = Long.parseLong(Files.readString(gcFile).trim());
    assertThat(rig.stat(grandchild).orElseThrow().pgrp()).isEqualTo(t.pid());

    TaskOutcome o = t.outcome().get(1, TimeUnit.MINUTES);

    assertThat(o.status()).isEqualTo(TaskStatus.TIMED_OUT);
    assertThat(o.detail()).contains("timeout");
    // gone, or a zombie waiting for init to reap it (this container's init does not reap): not running
    assertThat(rig.stat(grandchild).map(ProcStat::running)).isIn(java.util.Optional.empty(),
        java.util.Optional.of(false));
    assertThat(rig.procs.runningInGroup(t.pid())).isEmpty();
  }

  @Test
  void kill_stops_a_task_that_ignores_sigterm_with_sigkill_after_the_grace() throws Exception {
    String id = Rig.id("stubborn");
    Path ready = tmp.resolve("ready");
    RunningTask t = rig.executor.start(TaskCommand.shell(id, "trap '' TERM; touch " + ready + "; while :; do sleep 1; done"));
    assertThat(Rig.eventually(() -> Files.exists(ready))).isTrue();
    rig.executor.kill(id, "preempted by task p-1", Duration.ofMillis(300));
    TaskOutcome o = t.outcome().get(1, TimeUnit.MINUTES);
    assertThat(o.status()).isEqualTo(TaskStatus.KILLED);
    assertThat(o.detail()).isEqualTo("preempted by task p-1");
    assertThat(rig.procs.runningInGroup(t.pid())).isEmpty();
  }

  @Test
  void a_missing_working_directory_is_a_clear_start_error() {
    Path missing = tmp.resolve("no-such-dir");
    TaskCommand cmd = TaskCommand.shell(Rig.id("nodir"), "true").inDir(missing);
    assertThatThrownBy(() -> rig.executor.start(cmd)).isInstanceOf(TaskStartException.class)
        .hasMessageContaining(cmd.taskId()).hasMessageContaining(missing.toString());
  }

  @Test
  void a_program_that_does_not_exist_fails_with_127() throws Exception {
    String id = Rig.id("missing");
    TaskOutcome o = rig.run(new TaskCommand(id, List.of("/no/such/program"), null, null, 0, 0, null, null));
    assertThat(o.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(o.exitCode()).isEqualTo(127);
    assertThat(rig.err(id)).contains("/no/such/program");
  }

  @Test
  void the_state_record_is_removed_once_the_outcome_is_known() throws Exception {
    rig.run(TaskCommand.shell(Rig.id("record"), "true"));
    assertThat(rig.state.records()).isEmpty();
  }

  static long size(Path p) {
    try {
      return Files.size(p);
    } catch (java.io.IOException e) {
      return 0;
    }
  }

  @Test
  void a_task_id_that_is_running_cannot_be_started_twice() throws Exception {
    String id = Rig.id("twice");
    RunningTask first = rig.executor.start(TaskCommand.shell(id, "sleep 600"));
    assertThatThrownBy(() -> rig.executor.start(TaskCommand.shell(id, "true")))
        .hasMessageContaining(id).hasMessageContaining("already running");
    rig.executor.kill(id, "cleanup", Duration.ZERO);
    assertThat(first.outcome().get(1, TimeUnit.MINUTES).status()).isEqualTo(TaskStatus.KILLED);
  }
}
