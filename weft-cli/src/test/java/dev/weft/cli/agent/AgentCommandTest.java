package dev.weft.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.cli.WeftRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  @Test
  void probe_prints_the_machine_and_the_active_enforcement_as_json() throws Exception {
    WeftRun r = WeftRun.of("agent", "probe", "--json", "--data-dir", tmp.toString(), "--cpu", "1500m",
        "--cgroup-name", "weft-test");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode n = JSON.readTree(r.out());
    assertThat(n.get("cpuMillis").asLong()).isEqualTo(1500);
    assertThat(n.get("memoryMiB").asLong()).isPositive();
    assertThat(n.at("/enforcement/kind").asText()).isIn("CGROUP_V2", "CGROUP_V1", "RLIMIT", "NONE");
  }

  @Test
  void exec_reports_a_failed_task_with_exit_1_and_its_code() throws Exception {
    WeftRun r = WeftRun.of("agent", "exec", "--json", "--data-dir", tmp.toString(), "--cgroup-name", "weft-test",
        "--memory", "64Mi", "--", "sh", "-c", "exit 3");
    assertThat(r.exitCode()).isEqualTo(1);
    JsonNode n = JSON.readTree(r.out());
    assertThat(n.get("status").asText()).isEqualTo("FAILED");
    assertThat(n.get("exitCode").asInt()).isEqualTo(3);
  }

  @Test
  void exec_streams_the_task_output() {
    WeftRun r = WeftRun.of("agent", "exec", "--data-dir", tmp.toString(), "--cgroup-name", "weft-test", "--",
        "sh", "-c", "echo hello; echo oops >&2");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("hello\n");
    assertThat(r.err()).startsWith("oops\n").contains("SUCCEEDED");
  }

  @Test
  void bad_quantities_and_unknown_enforcement_are_usage_errors() {
    WeftRun mem = WeftRun.of("agent", "exec", "--data-dir", tmp.toString(), "--memory", "lots", "--", "true");
    assertThat(mem.exitCode()).isEqualTo(2);
    assertThat(mem.err()).contains("--memory").contains("lots").doesNotContain("Exception");
    WeftRun kind = WeftRun.of("agent", "probe", "--data-dir", tmp.toString(), "--enforcement", "jail");
    assertThat(kind.exitCode()).isEqualTo(2);
    assertThat(kind.err()).contains("--enforcement").contains("jail");
  }

  @Test
  void a_bad_url_among_several_servers_is_a_usage_error_naming_it() {
    WeftRun r = WeftRun.of("agent", "--server", "http://127.0.0.1:1", "--server", "ftp://elsewhere", "--token",
        "agent-token-0123456789", "--data-dir", tmp.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--server").contains("ftp://elsewhere").doesNotContain("Exception");
  }

  @Test
  void a_bad_log_retention_is_a_usage_error_naming_it() {
    WeftRun r = WeftRun.of("agent", "--server", "http://127.0.0.1:1", "--token", "agent-token-0123456789",
        "--data-dir", tmp.toString(), "--log-retention", "a while");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--log-retention").contains("a while").doesNotContain("Exception");
  }

  @Test
  void logs_prints_what_a_task_wrote_and_follow_ends_with_the_task() {
    WeftRun.of("agent", "exec", "--data-dir", tmp.toString(), "--cgroup-name", "weft-test", "--id", "t-logs", "--",
        "sh", "-c", "echo one; echo two; echo bad >&2");
    WeftRun out = WeftRun.of("agent", "logs", "--data-dir", tmp.toString(), "--follow", "t-logs");
    assertThat(out.exitCode()).isZero();
    assertThat(out.out()).isEqualTo("one\ntwo\n");
    assertThat(WeftRun.of("agent", "logs", "--data-dir", tmp.toString(), "--stderr", "t-logs").out()).isEqualTo("bad\n");
  }

  @Test
  void logs_of_an_unknown_task_is_a_usage_error() {
    WeftRun r = WeftRun.of("agent", "logs", "--data-dir", tmp.toString(), "nope");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("no task nope");
  }
}
