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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The API over HTTPS with a certificate a private authority signed (made by {@code keytool}, read
 * from PEM files as {@code weft server --tls-cert/--tls-key} reads them): a client trusting that
 * authority is answered and a node joins over it, a client trusting only the JDK's public
 * authorities is refused at the handshake, plain HTTP gets no answer; a key that is not the
 * certificate's, or one in a form the server does not read, is refused naming the file and the fix.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TlsServerTest {
  @TempDir
  static Path certsDir;
  /** Made once for the class (keytool is a JVM a run): EC and RSA pairs of one authority each, and another EC pair. */
  static Map<String, TestCertificates> certs;

  @TempDir
  Path dir;

  @BeforeAll
  static void makeCertificates() throws Exception {
    certs = Map.of("EC", TestCertificates.make(certsDir.resolve("ec"), "EC"),
        "RSA", TestCertificates.make(certsDir.resolve("rsa"), "RSA"),
        "other", TestCertificates.make(certsDir.resolve("other"), "EC"));
  }

  private WeftServer start(TestCertificates certs) {
    QuietLibraries.apply();
    ApiSettings api = ApiSettings.local(0).withTls(new CertificateFiles(certs.chain(), "--tls-cert", certs.key(),
        "--tls-key").read());
    return WeftServer.start(new ServerSettings("jdbc:h2:file:" + dir.resolve("db/weft").toAbsolutePath(), api, 2),
        SchedulingSettings.defaults("tls-test"), List.of());
  }

  @ParameterizedTest
  @ValueSource(strings = {"EC", "RSA"})
  void a_client_trusting_the_authority_is_answered_over_https_and_a_node_joins(String keyAlg) throws Exception {
    TestCertificates pair = certs.get(keyAlg);
    try (WeftServer server = start(pair);
         HttpClient trusting = HttpClient.newBuilder().sslContext(pair.trusting()).build()) {
      URI base = URI.create("https://127.0.0.1:" + server.port());
      HttpResponse<String> health = trusting.send(HttpRequest.newBuilder(base.resolve("/healthz")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
      assertThat(health.body()).contains("\"status\":\"up\"");

      HttpResponse<String> joined = trusting.send(HttpRequest.newBuilder(base.resolve("/api/v1/agent/join"))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
              "{\"name\": \"n1\", \"topology\": \"eu/a/r1\", \"capacity\": {\"cpuMillis\": 1000, \"memoryMiB\": 512}}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
      assertThat(server.database().nodes().find("n1")).as("the node joined over https").isPresent();
    }
  }

  @Test
  void a_client_without_the_authority_is_refused_at_the_handshake_and_plain_http_gets_no_answer() throws Exception {
    try (WeftServer server = start(certs.get("EC")); HttpClient jdkDefault = HttpClient.newHttpClient()) {
      URI https = URI.create("https://127.0.0.1:" + server.port() + "/healthz");
      assertThatThrownBy(() -> jdkDefault.send(HttpRequest.newBuilder(https).build(), HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(SSLHandshakeException.class);
      URI plain = URI.create("http://127.0.0.1:" + server.port() + "/healthz");
      int status;
      try {
        status = jdkDefault.send(HttpRequest.newBuilder(plain).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
      } catch (IOException closed) {
        status = -1; // the TLS port closed the plain connection
      }
      assertThat(status).as("plain HTTP on the HTTPS port is never served").isNotEqualTo(200);
    }
  }

  @Test
  void a_key_that_is_not_the_certificates_is_refused_naming_both_files() throws Exception {
    TestCertificates one = certs.get("EC");
    TestCertificates other = certs.get("other");
    assertThatThrownBy(() -> new CertificateFiles(one.chain(), "--tls-cert", other.key(), "--tls-key").read())
        .isInstanceOf(PemIdentity.UnreadableException.class)
        .hasMessage("--tls-key " + other.key() + ": this key is not the one of the certificate (CN=localhost)");
  }

  @Test
  void keys_in_other_forms_are_refused_with_the_command_that_converts_them() throws Exception {
    TestCertificates rsa = certs.get("RSA");
    Path pkcs1 = dir.resolve("rsa.key");
    Files.writeString(pkcs1, TestCertificates.pem("RSA PRIVATE KEY", new byte[] {1, 2, 3}));
    assertThatThrownBy(() -> new CertificateFiles(rsa.chain(), "--tls-cert", pkcs1, "--tls-key").read())
        .hasMessage("--tls-key " + pkcs1 + ": the key is in the older RSA PRIVATE KEY form; convert it to PKCS#8 with:"
            + " openssl pkcs8 -topk8 -nocrypt -in " + pkcs1 + " -out key.pem");
    Path encrypted = dir.resolve("enc.key");
    Files.writeString(encrypted, TestCertificates.pem("ENCRYPTED PRIVATE KEY", new byte[] {1, 2, 3}));
    assertThatThrownBy(() -> new CertificateFiles(rsa.chain(), "--tls-cert", encrypted, "--tls-key").read())
        .hasMessageStartingWith("--tls-key " + encrypted + ": the key is encrypted;");
    assertThatThrownBy(() -> new CertificateFiles(rsa.key(), "--tls-cert", rsa.key(), "--tls-key").read())
        .hasMessage("--tls-cert " + rsa.key() + ": no certificate in it (expected PEM: -----BEGIN CERTIFICATE-----)");
    assertThatThrownBy(() -> new CertificateFiles(rsa.chain(), "--tls-cert", rsa.chain(), "--tls-key").read())
        .hasMessage("--tls-key " + rsa.chain() + ": no private key in it (expected PEM: -----BEGIN PRIVATE KEY-----)");
    Path missing = dir.resolve("missing.pem");
    assertThatThrownBy(() -> new CertificateFiles(missing, "--tls-cert", rsa.key(), "--tls-key").read())
        .hasMessageStartingWith("--tls-cert " + missing + ": cannot read it:");
  }
}
