package dev.weft.server.api.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.server.QuietLibraries;
import dev.weft.server.ServerSettings;
import dev.weft.server.WeftServer;
import dev.weft.server.api.ApiSettings;
import dev.weft.server.scheduling.SchedulingSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutual TLS ({@code weft server --tls-client-ca}): a client presenting a certificate that the named
 * authority signed is answered and a node joins; a client with no certificate, or with one of
 * another authority, gets no connection. Certificates made by {@code keytool}.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MutualTlsTest {
  @TempDir
  static Path certsDir;
  static TestCertificates server;
  static TestCertificates agent;
  static TestCertificates stranger;

  @TempDir
  Path dir;

  @BeforeAll
  static void makeCertificates() throws Exception {
    server = TestCertificates.make(certsDir.resolve("server"), "EC");
    agent = TestCertificates.client(certsDir.resolve("agent"), "agent-1");
    stranger = TestCertificates.client(certsDir.resolve("stranger"), "agent-2");
  }

  private WeftServer start() {
    QuietLibraries.apply();
    CertificateFiles files = new CertificateFiles(server.chain(), "--tls-cert", server.key(), "--tls-key", agent.ca(),
        "--tls-client-ca");
    ApiSettings api = ApiSettings.local(0).withTls(ServerTls.fromFiles(files, ServerTls.DEFAULT_LOOK));
    return WeftServer.start(new ServerSettings("jdbc:h2:file:" + dir.resolve("db/weft").toAbsolutePath(), api, 2),
        SchedulingSettings.defaults("mtls-test"), List.of());
  }

  /** Trusts the server's authority; presents {@code identity}'s certificate, or none. */
  private static SSLContext client(TestCertificates identity) throws Exception {
    return PemIdentity.context(identity == null ? null
        : PemIdentity.keyManagers(identity.chain(), "--client-cert", identity.key(), "--client-key"),
        PemIdentity.trustManagers(server.ca(), "--ca-cert"));
  }

  private static HttpResponse<String> post(SSLContext tls, URI uri, String body) throws Exception {
    try (HttpClient c = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build()) {
      return c.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  private static int get(SSLContext tls, URI uri) throws Exception {
    try (HttpClient c = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build()) {
      return c.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
  }

  @Test
  void a_client_with_a_certificate_of_the_authority_is_answered_and_a_node_joins() throws Exception {
    try (WeftServer srv = start()) {
      URI base = URI.create("https://127.0.0.1:" + srv.port());
      assertThat(get(client(agent), base.resolve("/healthz"))).isEqualTo(200);
      HttpResponse<String> joined = post(client(agent), base.resolve("/api/v1/agent/join"),
          "{\"name\": \"n1\", \"topology\": \"eu/a/r1\", \"capacity\": {\"cpuMillis\": 1000, \"memoryMiB\": 512}}");
      assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
      assertThat(srv.database().nodes().find("n1")).isPresent();
    }
  }

  @Test
  void a_client_without_a_certificate_or_with_one_of_another_authority_gets_no_connection() throws Exception {
    try (WeftServer srv = start()) {
      URI health = URI.create("https://127.0.0.1:" + srv.port() + "/healthz");
      assertThatThrownBy(() -> get(client(null), health)).as("no client certificate").isInstanceOf(IOException.class);
      assertThatThrownBy(() -> get(client(stranger), health)).as("a certificate of another authority")
          .isInstanceOf(IOException.class);
      assertThat(get(client(agent), health)).as("the server still answers those it trusts").isEqualTo(200);
    }
  }
}
