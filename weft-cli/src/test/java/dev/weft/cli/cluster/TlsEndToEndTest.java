package dev.weft.cli.cluster;

import static dev.weft.cli.cluster.ClusterChecks.PATIENCE;
import static dev.weft.cli.cluster.ClusterChecks.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cli.WeftCommand;
import dev.weft.cli.WeftRun;
import dev.weft.server.api.tls.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft server --tls-cert --tls-key} as a real child process serving HTTPS only, with a
 * certificate a private authority signed: a real {@code weft agent --ca-cert} joins it and runs a
 * job submitted with {@code weft job submit --ca-cert}, and {@code weft worker --ca-cert} carries out a
 * worker service's call; the CLI without the authority is told its certificate is not trusted and
 * how to trust it, and one that speaks plain HTTP is told to use https. With {@code --tls-client-ca}
 * (mutual TLS) the agent and the CLI present client certificates, and the CLI without one is told
 * the server refused it and what to give.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TlsEndToEndTest {
  private static final String ADMIN = "admin-token-tls-0123456789";
  private static final String AGENT = "agent-token-tls-0123456789";

  @TempDir
  Path dir;

  /** A real {@code weft server} on a free loopback port with these TLS options. */
  private ChildProcess server(List<String> tls) throws Exception {
    Path tokens = Files.writeString(dir.resolve("tokens.txt"), ADMIN + " admin\n" + AGENT + " agent node-agents\n");
    List<String> args = new ArrayList<>(List.of("server", "--data", dir.resolve("data").toString(), "--port",
        Integer.toString(ChildProcess.freeLoopbackPort()), "--bind", "127.0.0.1", "--tokens", tokens.toString()));
    args.addAll(tls);
    return ChildProcess.weft("server", args);
  }

  /** A real {@code weft agent} named {@code name} with these TLS options. */
  private ChildProcess agent(String base, String name, List<String> tls) throws Exception {
    List<String> args = new ArrayList<>(List.of("agent", "--server", base, "--token", AGENT, "--name", name,
        "--topology", "eu/zone-a/rack-1", "--cpus", "1", "--memory", "512Mi", "--heartbeat", "500ms",
        "--data-dir", dir.resolve("agent").toString(), "--work-dir", dir.resolve("agent-work").toString(),
        "--enforcement", "none"));
    args.addAll(tls);
    return ChildProcess.weft("agent", args);
  }

  /** A CLI command as the admin, with these TLS options. */
  private static WeftRun cli(String base, List<String> tls, String... command) {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(List.of("--server", base, "--token", ADMIN));
    args.addAll(tls);
    return WeftRun.of(args.toArray(String[]::new));
  }

  /** Waits for the agent to join, then submits a job through the CLI and waits for its task to succeed. */
  private void runJob(String base, List<String> cliTls, ChildProcess agent, String node) throws Exception {
    waitFor("the agent joined", () -> {
      WeftRun nodes = cli(base, cliTls, "nodes", "-o", "json");
      return nodes.exitCode() == 0 && nodes.out().contains("\"" + node + "\"");
    }, agent::output);
    Path job = Files.writeString(dir.resolve("job.yaml"), """
        id: over-tls
        name: over-tls
        task: { resources: { cpu: 100m, memory: 16Mi }, run: { command: "echo hello over tls" } }
        """);
    WeftRun submitted = cli(base, cliTls, "job", "submit", "-f", job.toString());
    assertThat(submitted.exitCode()).as(submitted.err()).isZero();
    waitFor("the job's task succeeded", () -> cli(base, cliTls, "job", "get", "over-tls", "-o", "json").out()
        .contains("SUCCEEDED"), agent::output);
  }

  @Test
  void an_agent_and_the_cli_trusting_the_authority_run_a_job_over_https() throws Exception {
    TestCertificates certs = TestCertificates.make(dir.resolve("certs"), "EC");
    try (ChildProcess server = server(List.of("--tls-cert", certs.chain().toString(), "--tls-key",
        certs.key().toString()))) {
      String base = server.awaitListening(PATIENCE);
      assertThat(base).startsWith("https://127.0.0.1:");
      String ca = certs.ca().toString();
      List<String> trust = List.of("--ca-cert", ca);
      try (ChildProcess agent = agent(base, "tls-node", trust)) {
        runJob(base, trust, agent, "tls-node");

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
        WeftRun applied = cli(base, trust, "apply", "-f", service.toString());
        assertThat(applied.exitCode()).as(applied.err()).isZero();
        Path script = Files.writeString(dir.resolve("echo.sh"), "#!/bin/sh\ncat\n");
        script.toFile().setExecutable(true);
        try (ChildProcess worker = ChildProcess.weft("worker", List.of("worker", "--server", base, "--token", ADMIN,
            "--ca-cert", ca, "--queue", "echoes", "--name", "tls-worker", "--", script.toString()))) {
          WeftRun started = cli(base, trust, "instance", "start", "test/echo-flow", "--input", "{\"said\": \"hi\"}",
              "-o", "json");
          assertThat(started.exitCode()).as(started.err()).isZero();
          String id = com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(started.out()).path("id")
              .asText();
          waitFor("the worker's call completed the instance", () -> cli(base, trust, "instance", "get", id, "-o", "json")
              .out().contains("COMPLETED"), worker::output);
          assertThat(cli(base, trust, "instance", "get", id, "-o", "json").out()).contains("\"said\" : \"hi\"");
        }

        WeftRun untrusted = cli(base, List.of(), "nodes");
        assertThat(untrusted.exitCode()).as(untrusted.out()).isNotZero().isNotEqualTo(WeftCommand.OK);
        assertThat(untrusted.err()).contains("its certificate is not trusted")
            .contains("give --ca-cert FILE (or $WEFT_CA_CERT)").doesNotContain("\tat ");
        WeftRun plain = cli(base.replace("https://", "http://"), List.of(), "nodes");
        assertThat(plain.exitCode()).isNotZero();
        assertThat(plain.err()).contains("if it serves HTTPS (weft server --tls-cert), use https://");
        WeftRun badCa = cli(base, List.of("--ca-cert", certs.key().toString()), "nodes");
        assertThat(badCa.exitCode()).isEqualTo(WeftCommand.BAD_INPUT);
        assertThat(badCa.err()).contains("--ca-cert " + certs.key());
      }
    }
  }

  @Test
  void with_client_certificates_required_an_agent_and_the_cli_presenting_theirs_run_a_job_and_one_without_is_refused()
      throws Exception {
    TestCertificates certs = TestCertificates.make(dir.resolve("server"), "EC");
    TestCertificates client = TestCertificates.client(dir.resolve("client"), "agent-1");
    try (ChildProcess server = server(List.of("--tls-cert", certs.chain().toString(), "--tls-key",
        certs.key().toString(), "--tls-client-ca", client.ca().toString()))) {
      String base = server.awaitListening(PATIENCE);
      List<String> trust = List.of("--ca-cert", certs.ca().toString());
      List<String> mutual = Stream.concat(trust.stream(), Stream.of("--client-cert", client.chain().toString(),
          "--client-key", client.key().toString())).toList();
      try (ChildProcess agent = agent(base, "mtls-node", mutual)) {
        runJob(base, mutual, agent, "mtls-node");
      }

      WeftRun noCert = cli(base, trust, "nodes");
      assertThat(noCert.exitCode()).as(noCert.out()).isNotEqualTo(WeftCommand.OK);
      assertThat(noCert.err()).contains("refused this client's certificate or the lack of one")
          .contains("give --client-cert FILE and --client-key FILE").doesNotContain("\tat ");
      WeftRun half = cli(base, List.of("--ca-cert", certs.ca().toString(), "--client-cert", client.chain().toString()),
          "nodes");
      assertThat(half.exitCode()).isEqualTo(WeftCommand.BAD_INPUT);
      assertThat(half.err()).contains("--client-cert needs --client-key");
    }
  }
}
