package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code weft server}: options, its printed URL, and a clean stop on SIGTERM in a child process. */
class ServerCommandTest {
  private static final Pattern URL = Pattern.compile("listening on (http://127\\.0\\.0\\.1:(\\d+))/api/v1");
  private final HttpClient client = HttpClient.newHttpClient();

  @TempDir
  Path dir;

  @Test
  void without_tokens_a_public_bind_address_is_refused() {
    WeftRun r = WeftRun.of("server", "--bind", "0.0.0.0", "--port", "0", "--data", dir.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("weft: refusing to listen on 0.0.0.0 without tokens").doesNotContain("\tat ");
  }

  @Test
  void a_tls_key_without_its_certificate_or_an_unreadable_pair_is_a_usage_error_naming_the_option() throws IOException {
    WeftRun alone = WeftRun.of("server", "--tls-key", "server.key", "--port", "0", "--data", dir.toString());
    assertThat(alone.exitCode()).isEqualTo(2);
    assertThat(alone.err()).isEqualTo("weft: --tls-key needs --tls-cert (the certificate chain it belongs to)\n");
    Path notPem = Files.writeString(dir.resolve("cert.pem"), "hello\n");
    WeftRun bad = WeftRun.of("server", "--tls-cert", notPem.toString(), "--tls-key", notPem.toString(), "--port", "0",
        "--data", dir.toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).isEqualTo("weft: --tls-cert " + notPem
        + ": no certificate in it (expected PEM: -----BEGIN CERTIFICATE-----)\n");
    WeftRun clientCaAlone = WeftRun.of("server", "--tls-client-ca", notPem.toString(), "--port", "0", "--data",
        dir.toString());
    assertThat(clientCaAlone.exitCode()).isEqualTo(2);
    assertThat(clientCaAlone.err()).startsWith("weft: --tls-client-ca needs --tls-cert and --tls-key");
  }

  @Test
  void a_bad_rate_limit_or_a_burst_without_one_is_a_usage_error_naming_the_option() {
    WeftRun fast = WeftRun.of("server", "--rate-limit", "fast", "--port", "0", "--data", dir.toString());
    assertThat(fast.exitCode()).isEqualTo(2);
    assertThat(fast.err()).isEqualTo("weft: --rate-limit: expected requests per second, minute or hour (50, 50/s, 600/m,"
        + " 1000/h), got 'fast'\n");
    WeftRun burstAlone = WeftRun.of("server", "--rate-burst", "10", "--port", "0", "--data", dir.toString());
    assertThat(burstAlone.exitCode()).isEqualTo(2);
    assertThat(burstAlone.err()).startsWith("weft: --rate-burst needs --rate-limit");
    WeftRun noBurst = WeftRun.of("server", "--rate-limit", "5/s", "--rate-burst", "0", "--port", "0", "--data",
        dir.toString());
    assertThat(noBurst.exitCode()).isEqualTo(2);
    assertThat(noBurst.err()).startsWith("weft: --rate-burst must be at least 1, got 0");
  }

  @Test
  void an_unreadable_or_malformed_secrets_file_is_a_usage_error() throws IOException {
    Path missing = dir.resolve("nope.yaml");
    WeftRun r = WeftRun.of("server", "--secrets", missing.toString(), "--port", "0", "--data", dir.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("weft: --secrets: cannot read " + missing);
    Path list = Files.writeString(dir.resolve("list.yaml"), "- a\n- b\n");
    WeftRun l = WeftRun.of("server", "--secrets", list.toString(), "--port", "0", "--data", dir.toString());
    assertThat(l.exitCode()).isEqualTo(2);
    assertThat(l.err()).startsWith("weft: --secrets: " + list + " must hold an object of secret names to values");
  }

  @Test
  void a_bad_preemption_mode_is_a_usage_error() {
    WeftRun r = WeftRun.of("server", "--preemption-mode", "pause", "--port", "0", "--data", dir.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("weft: --preemption-mode: expected kill or suspend, got 'pause'").doesNotContain("\tat ");
  }

  @Test
  void a_bad_event_retention_is_a_usage_error() {
    for (String bad : java.util.List.of("-5s", "soon")) {
      WeftRun r = WeftRun.of("server", "--retain-events", bad, "--port", "0", "--data", dir.toString());
      assertThat(r.exitCode()).as(bad).isEqualTo(2);
      assertThat(r.err()).as(bad).startsWith("weft: --retain-events: ").doesNotContain("\tat ");
    }
  }

  @Test
  void a_bad_log_or_job_retention_is_a_usage_error_naming_the_option() {
    for (String option : java.util.List.of("--log-retention", "--job-retention")) {
      for (String bad : java.util.List.of("-5s", "soon", "")) {
        WeftRun r = WeftRun.of("server", option, bad, "--port", "0", "--data", dir.toString());
        assertThat(r.exitCode()).as(option + " " + bad).isEqualTo(2);
        assertThat(r.err()).as(option + " " + bad).startsWith("weft: " + option + ": ").doesNotContain("\tat ");
      }
    }
  }

  @Test
  void a_bad_tokens_file_is_named_by_line() throws IOException {
    Path tokens = Files.writeString(dir.resolve("tokens.txt"), "# ok\nshort admin\n");
    WeftRun r = WeftRun.of("server", "--tokens", tokens.toString(), "--port", "0", "--data", dir.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("weft: " + tokens + ":2: token is 5 characters");
  }

  @Test
  void an_unsupported_database_or_an_empty_tokens_file_is_a_usage_error() throws IOException {
    WeftRun db = WeftRun.of("server", "--db", "jdbc:mysql://x/y", "--port", "0");
    assertThat(db.exitCode()).isEqualTo(2);
    assertThat(db.err()).startsWith("weft: unsupported database URL jdbc:mysql://x/y");
    Path empty = Files.writeString(dir.resolve("empty.txt"), "# nobody yet\n");
    WeftRun tokens = WeftRun.of("server", "--tokens", empty.toString(), "--port", "0", "--data", dir.toString());
    assertThat(tokens.exitCode()).isEqualTo(2);
    assertThat(tokens.err()).startsWith("weft: --tokens: " + empty + " holds no tokens");
  }

  @Test
  void a_port_in_use_is_a_clear_error() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      WeftRun r = WeftRun.of("server", "--port", Integer.toString(taken.getLocalPort()), "--data", dir.toString());
      assertThat(r.exitCode()).isEqualTo(2);
      assertThat(r.err()).startsWith("weft: cannot listen on 127.0.0.1:" + taken.getLocalPort()).doesNotContain("\tat ");
    }
  }

  @Test
  void in_process_it_serves_until_asked_to_stop() throws Exception {
    ServerCommand command = new ServerCommand();
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    Thread t = new Thread(() -> cli.execute("--port", "0", "--data", dir.toString()));
    t.start();
    String base = awaitUrl(() -> out.toString());
    assertThat(get(base + "/healthz").statusCode()).isEqualTo(200);
    command.requestStop();
    t.join();
    assertThat(out.toString()).contains("weft server stopped");
    assertThat(Files.exists(dir.resolve("weft.mv.db"))).isTrue();
  }

  @Test
  void a_child_process_prints_its_url_serves_and_stops_cleanly_on_sigterm() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Path tokens = Files.writeString(dir.resolve("tokens.txt"), "viewer-token-0123456789 viewer\n");
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
        "dev.weft.cli.WeftCommand", "server", "--port", "0", "--bind", "127.0.0.1", "--tokens", tokens.toString(),
        "--data", dir.toString()).redirectErrorStream(true).start();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      List<String> seen = new ArrayList<>();
      String base = null;
      while (base == null) {
        String line = lines.readLine();
        if (line == null) {
          break;
        }
        seen.add(line);
        Matcher m = URL.matcher(line);
        base = m.find() ? m.group(1) : null;
      }
      assertThat(base).as(String.join("\n", seen)).isNotNull();
      assertThat(get(base + "/api/v1/instances").statusCode()).isEqualTo(401);
      p.toHandle().destroy(); // SIGTERM, like Ctrl-C: shutdown hooks run (Process.destroy would close our pipe)
      String rest = String.join("\n", lines.lines().toList());
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(rest).contains("weft server stopped").doesNotContain("Exception");
    } finally {
      p.destroyForcibly();
    }
  }

  private HttpResponse<String> get(String url) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String awaitUrl(java.util.function.Supplier<String> out) throws InterruptedException {
    for (int i = 0; i < 3000; i++) {
      Matcher m = URL.matcher(out.get());
      if (m.find()) {
        return m.group(1);
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no URL printed within a minute: " + out.get());
  }
}
