package dev.weft.server.api.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.server.QuietLibraries;
import dev.weft.server.ServerSettings;
import dev.weft.server.WeftServer;
import dev.weft.server.api.ApiSettings;
import dev.weft.server.scheduling.SchedulingSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A renewed certificate is served without a restart: the server looks at its PEM files and, when
 * they change, serves the new pair to new connections; a pair it cannot serve (the certificate
 * renewed before its key, a file gone) leaves the previous certificate in service. Two authorities
 * made by {@code keytool}: "old" and "new", each with a server certificate for 127.0.0.1.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CertificateReloadTest {
  @TempDir
  static Path certsDir;
  static TestCertificates old;
  static TestCertificates renewed;

  @TempDir
  Path dir;

  @BeforeAll
  static void makeCertificates() throws Exception {
    old = TestCertificates.make(certsDir.resolve("old"), "EC");
    renewed = TestCertificates.make(certsDir.resolve("new"), "EC");
  }

  private CertificateFiles live(TestCertificates from) throws Exception {
    CertificateFiles files = new CertificateFiles(dir.resolve("tls.pem"), "--tls-cert", dir.resolve("tls.key"),
        "--tls-key");
    put(from.chain(), files.cert());
    put(from.key(), files.key());
    return files;
  }

  /** Replaces {@code to} by a copy of {@code from} in one rename, as certbot and cert-manager do. */
  private void put(Path from, Path to) throws Exception {
    Path tmp = Files.createTempFile(dir, "renew", ".tmp");
    Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
    Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Test
  void each_look_reloads_a_changed_pair_once_and_refuses_one_it_cannot_serve() throws Exception {
    CertificateFiles files = live(old);
    ServerTls tls = ServerTls.fromFiles(files, Duration.ofSeconds(1));
    SslContextFactory.Server factory = new SslContextFactory.Server();
    factory.setSslContext(tls.context());
    factory.start();
    try (CertificateReloader reloader = new CertificateReloader(factory, files, tls.fingerprint())) {
      assertThat(reloader.look()).isEqualTo(CertificateReloader.Outcome.UNCHANGED);

      put(renewed.chain(), files.cert()); // the new certificate, the old key: not a pair
      assertThat(reloader.look()).isEqualTo(CertificateReloader.Outcome.REFUSED);
      assertThat(factory.getSslContext()).as("the old identity stays in service").isSameAs(tls.context());
      assertThat(reloader.look()).as("refused once, not at every look").isEqualTo(CertificateReloader.Outcome.UNCHANGED);

      put(renewed.key(), files.key());
      assertThat(reloader.look()).isEqualTo(CertificateReloader.Outcome.RELOADED);
      assertThat(factory.getSslContext()).isNotSameAs(tls.context());
      assertThat(reloader.look()).isEqualTo(CertificateReloader.Outcome.UNCHANGED);

      var served = factory.getSslContext();
      Files.delete(files.key());
      assertThat(reloader.look()).isEqualTo(CertificateReloader.Outcome.REFUSED);
      assertThat(factory.getSslContext()).isSameAs(served);
      put(renewed.key(), files.key());
      assertThat(reloader.look()).as("readable again").isEqualTo(CertificateReloader.Outcome.RELOADED);
    } finally {
      factory.stop();
    }
  }

  @Test
  void a_running_server_serves_the_renewed_certificate_to_new_connections() throws Exception {
    QuietLibraries.apply();
    CertificateFiles files = live(old);
    ApiSettings api = ApiSettings.local(0).withTls(ServerTls.fromFiles(files, Duration.ofMillis(100)));
    try (WeftServer server = WeftServer.start(new ServerSettings("jdbc:h2:file:" + dir.resolve("db/weft")
        .toAbsolutePath(), api, 2), SchedulingSettings.defaults("tls-reload-test"), List.of())) {
      URI health = URI.create("https://127.0.0.1:" + server.port() + "/healthz");
      URI metrics = URI.create("https://127.0.0.1:" + server.port() + "/metrics");
      assertThat(status(old, health)).isEqualTo(200);
      assertThat(notAfterMetric(old, metrics)).as("the expiry of the certificate in service")
          .isEqualTo(notAfter(old));
      assertThatThrownBy(() -> status(renewed, health)).isInstanceOf(SSLHandshakeException.class);

      put(renewed.chain(), files.cert()); // half renewed: refused, the old one stays
      Thread.sleep(500); // five looks
      assertThat(status(old, health)).as("still the old certificate").isEqualTo(200);

      put(renewed.key(), files.key());
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!answers(renewed, health) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(status(renewed, health)).as("the renewed certificate, without a restart").isEqualTo(200);
      assertThatThrownBy(() -> status(old, health)).as("the old one is no longer served")
          .isInstanceOf(SSLHandshakeException.class);
      assertThat(notAfterMetric(renewed, metrics)).isEqualTo(notAfter(renewed));
    }
  }

  private static double notAfter(TestCertificates pair) {
    return new CertificateFiles(pair.chain(), "--tls-cert", pair.key(), "--tls-key").leaf().getNotAfter().toInstant()
        .getEpochSecond();
  }

  /** {@code weft_tls_certificate_not_after_timestamp_seconds} from {@code /metrics}. */
  private static double notAfterMetric(TestCertificates authority, URI metrics) throws Exception {
    try (HttpClient client = HttpClient.newBuilder().sslContext(authority.trusting()).build()) {
      String text = client.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
      return text.lines().filter(l -> l.startsWith("weft_tls_certificate_not_after_timestamp_seconds "))
          .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1))).findFirst()
          .orElseThrow(() -> new AssertionError("no certificate expiry in /metrics:\n" + text));
    }
  }

  /** The status of one request on a new connection from a client trusting {@code authority} only. */
  private static int status(TestCertificates authority, URI uri) throws Exception {
    try (HttpClient client = HttpClient.newBuilder().sslContext(authority.trusting()).build()) {
      return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
  }

  private static boolean answers(TestCertificates authority, URI uri) {
    try {
      return status(authority, uri) == 200;
    } catch (Exception e) {
      return false;
    }
  }
}
