package dev.weft.server.api.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A private certificate authority and a server certificate it signed for {@code 127.0.0.1} and
 * {@code localhost}, made by the JDK's own {@code keytool} (as an operator without openssl would)
 * and written as the PEM files {@code weft server --tls-cert/--tls-key} and {@code --ca-cert} read.
 *
 * @param ca the authority's certificate (what clients trust)
 * @param chain the server's certificate followed by the authority's
 * @param key the server's private key, PKCS#8
 */
public record TestCertificates(Path ca, Path chain, Path key) {
  private static final String PASS = "changeit";

  /** Makes them under {@code dir} with keys of {@code keyAlg} ({@code EC} or {@code RSA}): a server's, for 127.0.0.1 and localhost. */
  public static TestCertificates make(Path dir, String keyAlg) throws IOException, InterruptedException {
    return make(dir, keyAlg, "localhost", "serverAuth");
  }

  /** A client's certificate ({@code CN=name}, extended key usage clientAuth) and its own authority, for mutual TLS. */
  public static TestCertificates client(Path dir, String name) throws IOException, InterruptedException {
    return make(dir, "EC", name, "clientAuth");
  }

  private static TestCertificates make(Path dir, String keyAlg, String name, String usage)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path caStore = dir.resolve("ca.p12");
    Path serverStore = dir.resolve("server.p12");
    Path csr = dir.resolve("server.csr");
    Path ca = dir.resolve("ca.pem");
    Path cert = dir.resolve("server-only.pem");
    keytool("-genkeypair", "-alias", "ca", "-keyalg", keyAlg, "-dname", "CN=Weft Test CA", "-ext", "bc:c",
        "-validity", "3", "-keystore", caStore.toString(), "-storetype", "PKCS12", "-storepass", PASS);
    keytool("-exportcert", "-alias", "ca", "-rfc", "-keystore", caStore.toString(), "-storepass", PASS,
        "-file", ca.toString());
    keytool("-genkeypair", "-alias", "server", "-keyalg", keyAlg, "-dname", "CN=" + name, "-validity", "3",
        "-keystore", serverStore.toString(), "-storetype", "PKCS12", "-storepass", PASS);
    keytool("-certreq", "-alias", "server", "-keystore", serverStore.toString(), "-storepass", PASS,
        "-file", csr.toString());
    keytool("-gencert", "-alias", "ca", "-keystore", caStore.toString(), "-storepass", PASS, "-infile", csr.toString(),
        "-outfile", cert.toString(), "-rfc", "-ext", "san=ip:127.0.0.1,dns:localhost", "-ext", "eku=" + usage,
        "-validity", "3");
    Path chain = dir.resolve("server.pem");
    Files.writeString(chain, Files.readString(cert) + Files.readString(ca));
    Path key = dir.resolve("server.key");
    try (InputStream in = Files.newInputStream(serverStore)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, PASS.toCharArray());
      PrivateKey k = (PrivateKey) store.getKey("server", PASS.toCharArray());
      Files.writeString(key, pem("PRIVATE KEY", k.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IOException("reading the key keytool made: " + e.getMessage(), e);
    }
    return new TestCertificates(ca, chain, key);
  }

  /** A client's SSL context trusting this authority only. */
  public SSLContext trusting() throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    try (InputStream in = Files.newInputStream(ca)) {
      store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }

  static String pem(String kind, byte[] der) {
    return "-----BEGIN " + kind + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(der) + "\n-----END " + kind + "-----\n";
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("keytool " + String.join(" ", args) + " failed: " + out);
    }
  }
}
