package dev.weft.cli.cluster;

import static dev.weft.cli.cluster.ClusterChecks.PATIENCE;
import static dev.weft.cli.cluster.ClusterChecks.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cli.WeftCommand;
import dev.weft.cli.WeftRun;
import dev.weft.server.api.tls.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft server --tls-client-ca} as a real child process: a real {@code weft agent
 * --client-cert --client-key} joins and runs a job submitted by the CLI with its own client
 * certificate; the CLI without one is told the server refused it and what to give; half a client
 * identity is a usage error.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MutualTlsEndToEndTest {
  private static final String ADMIN = "admin-token-mtls-0123456789";
  private static final String AGENT = "agent-token-mtls-0123456789";

  @TempDir
  Path dir;

  @Test
  void an_agent_and_the_cli_with_client_certificates_run_a_job_and_a_client_without_one_is_refused() throws Exception {
    TestCertificates server = TestCertificates.make(dir.resolve("server"), "EC");
    TestCertificates agentId = TestCertificates.client(dir.resolve("agent"), "agent-1");
    Path tokens = Files.writeString(dir.resolve("tokens.txt"), ADMIN + " admin\n" + AGENT + " agent node-agents\n");
    int port = ChildProcess.freeLoopbackPort();
    try (ChildProcess srv = ChildProcess.weft("server", List.of("server", "--data", dir.resolve("data").toString(),
        "--port", Integer.toString(port), "--bind", "127.0.0.1", "--tokens", tokens.toString(),
        "--tls-cert", server.chain().toString(), "--tls-key", server.key().toString(),
        "--tls-client-ca", agentId.ca().toString()))) {
      String base = srv.awaitListening(PATIENCE);
      String ca = server.ca().toString();
      String cert = agentId.chain().toString();
      String key = agentId.key().toString();
      try (ChildProcess agent = ChildProcess.weft("agent", List.of("agent", "--server", base, "--token", AGENT,
          "--ca-cert", ca, "--client-cert", cert, "--client-key", key, "--name", "mtls-node",
          "--topology", "eu/zone-a/rack-1", "--cpus", "1", "--memory", "512Mi", "--heartbeat", "500ms",
          "--data-dir", dir.resolve("agent").toString(), "--work-dir", dir.resolve("agent-work").toString(),
          "--enforcement", "none"))) {
        waitFor("the agent joined with its client certificate", () -> {
          WeftRun nodes = WeftRun.of("nodes", "--server", base, "--token", ADMIN, "--ca-cert", ca, "--client-cert", cert,
              "--client-key", key, "-o", "json");
          return nodes.exitCode() == 0 && nodes.out().contains("\"mtls-node\"");
        }, agent::output);
        Path job = Files.writeString(dir.resolve("job.yaml"), """
            id: over-mtls
            name: over-mtls
            task: { resources: { cpu: 100m, memory: 16Mi }, run: { command: "echo hello over mutual tls" } }
            """);
        WeftRun submitted = WeftRun.of("job", "submit", "-f", job.toString(), "--server", base, "--token", ADMIN,
            "--ca-cert", ca, "--client-cert", cert, "--client-key", key);
        assertThat(submitted.exitCode()).as(submitted.err()).isZero();
        waitFor("the job's task succeeded", () -> WeftRun.of("job", "get", "over-mtls", "--server", base, "--token",
            ADMIN, "--ca-cert", ca, "--client-cert", cert, "--client-key", key, "-o", "json").out().contains("SUCCEEDED"),
            agent::output);
      }

      WeftRun noCert = WeftRun.of("nodes", "--server", base, "--token", ADMIN, "--ca-cert", ca);
      assertThat(noCert.exitCode()).as(noCert.out()).isNotEqualTo(WeftCommand.OK);
      assertThat(noCert.err()).contains("refused this client's certificate or the lack of one")
          .contains("give --client-cert FILE and --client-key FILE").doesNotContain("\tat ");
      WeftRun half = WeftRun.of("nodes", "--server", base, "--token", ADMIN, "--ca-cert", ca, "--client-cert", cert);
      assertThat(half.exitCode()).isEqualTo(WeftCommand.BAD_INPUT);
      assertThat(half.err()).contains("--client-cert needs --client-key");
    }
  }
}
