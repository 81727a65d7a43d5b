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
 * {@code weft server --tls-cert --tls-key} as a real child process serving HTTPS only, with a
 * certificate a private authority signed: a real {@code weft agent --ca-cert} joins it and runs a
 * job submitted with {@code weft job submit --ca-cert}, and {@code weft worker --ca-cert} carries out a
 * worker service's call; the CLI without the authority is told its
 * certificate is not trusted and how to trust it, and one that speaks plain HTTP is told to use https.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TlsEndToEndTest {
  private static final String ADMIN = "admin-token-tls-0123456789";
  private static final String AGENT = "agent-token-tls-0123456789";

  @TempDir
  Path dir;

  @Test
  void an_agent_and_the_cli_trusting_the_authority_run_a_job_over_https() throws Exception {
    TestCertificates certs = TestCertificates.make(dir.resolve("certs"), "EC");
    Path tokens = Files.writeString(dir.resolve("tokens.txt"), ADMIN + " admin\n" + AGENT + " agent node-agents\n");
    int port = ChildProcess.freeLoopbackPort();
    try (ChildProcess server = ChildProcess.weft("server", List.of("server", "--data", dir.resolve("data").toString(),
        "--port", Integer.toString(port), "--bind", "127.0.0.1", "--tokens", tokens.toString(),
        "--tls-cert", certs.chain().toString(), "--tls-key", certs.key().toString()))) {
      String base = server.awaitListening(PATIENCE);
      assertThat(base).isEqualTo("https://127.0.0.1:" + port);
      try (ChildProcess agent = ChildProcess.weft("agent", List.of("agent", "--server", base, "--token", AGENT,
          "--ca-cert", certs.ca().toString(), "--name", "tls-node", "--topology", "eu/zone-a/rack-1", "--cpus", "1",
          "--memory", "512Mi", "--heartbeat", "500ms", "--data-dir", dir.resolve("agent").toString(),
          "--work-dir", dir.resolve("agent-work").toString(), "--enforcement", "none"))) {
        String ca = certs.ca().toString();
        waitFor("the agent joined over https", () -> {
          WeftRun nodes = WeftRun.of("nodes", "--server", base, "--token", ADMIN, "--ca-cert", ca, "-o", "json");
          return nodes.exitCode() == 0 && nodes.out().contains("\"tls-node\"");
        }, agent::output);
        Path job = Files.writeString(dir.resolve("job.yaml"), """
            id: over-tls
            name: over-tls
            task: { resources: { cpu: 100m, memory: 16Mi }, run: { command: "echo hello over tls" } }
            """);
        WeftRun submitted = WeftRun.of("job", "submit", "-f", job.toString(), "--server", base, "--token", ADMIN,
            "--ca-cert", ca);
        assertThat(submitted.exitCode()).as(submitted.err()).isZero();
        waitFor("the job's task succeeded", () -> WeftRun.of("job", "get", "over-tls", "--server", base, "--token", ADMIN,
            "--ca-cert", ca, "-o", "json").out().contains("SUCCEEDED"), agent::output);

        // a worker service carried out by `weft worker --ca-cert` (the worker SDK over https)
        Path service = Files.writeString(dir.resolve("echo.yaml"), """
            kind: service
            name: echo
            version: 1.0.0
            behaviour: { worker: { queue: echoes } }
            ---
            document: { dsl: '1.0.0', namespace: test, name: echo-flow, version: '1.0.0' }
            do:
              - echo:
                  call: echo
                  with: { said: '${ .said }' }
            """);
        WeftRun applied = WeftRun.of("apply", "-f", service.toString(), "--server", base, "--token", ADMIN, "--ca-cert", ca);
        assertThat(applied.exitCode()).as(applied.err()).isZero();
        Path script = Files.writeString(dir.resolve("echo.sh"), "#!/bin/sh\ncat\n");
        script.toFile().setExecutable(true);
        try (ChildProcess worker = ChildProcess.weft("worker", List.of("worker", "--server", base, "--token", ADMIN,
            "--ca-cert", ca, "--queue", "echoes", "--name", "tls-worker", "--", script.toString()))) {
          WeftRun started = WeftRun.of("instance", "start", "test/echo-flow", "--input", "{\"said\": \"hi\"}",
              "--server", base, "--token", ADMIN, "--ca-cert", ca, "-o", "json");
          assertThat(started.exitCode()).as(started.err()).isZero();
          String id = com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(started.out()).path("id")
              .asText();
          waitFor("the worker's call completed the instance", () -> WeftRun.of("instance", "get", id, "--server", base,
              "--token", ADMIN, "--ca-cert", ca, "-o", "json").out().contains("COMPLETED"), worker::output);
          assertThat(WeftRun.of("instance", "get", id, "--server", base, "--token", ADMIN, "--ca-cert", ca, "-o", "json")
              .out()).contains("\"said\" : \"hi\"");
        }

        WeftRun untrusted = WeftRun.of("nodes", "--server", base, "--token", ADMIN);
        assertThat(untrusted.exitCode()).as(untrusted.out()).isNotZero().isNotEqualTo(WeftCommand.OK);
        assertThat(untrusted.err()).contains("its certificate is not trusted")
            .contains("give --ca-cert FILE (or $WEFT_CA_CERT)").doesNotContain("\tat ");
        WeftRun plain = WeftRun.of("nodes", "--server", "http://127.0.0.1:" + port, "--token", ADMIN);
        assertThat(plain.exitCode()).isNotZero();
        assertThat(plain.err()).contains("if it serves HTTPS (weft server --tls-cert), use https://");
        WeftRun badCa = WeftRun.of("nodes", "--server", base, "--token", ADMIN, "--ca-cert", certs.key().toString());
        assertThat(badCa.exitCode()).isEqualTo(WeftCommand.BAD_INPUT);
        assertThat(badCa.err()).contains("--ca-cert " + certs.key());
      }
    }
  }
}
