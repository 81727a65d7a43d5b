package dev.weft.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * {@code --ca-cert FILE} (or {@code $WEFT_CA_CERT}): the certificate authorities, in PEM, that a
 * client (the CLI, an agent, a worker) trusts to have signed an {@code https} server's certificate,
 * in place of the JDK's public authorities, as {@code curl --cacert} does. Read with the JDK alone.
 */
public final class CaCertificates {
  /** The environment variable read when {@code --ca-cert} is not given. */
  public static final String VARIABLE = "WEFT_CA_CERT";
  /** How a client tells the user to trust a private authority, for messages about refused certificates. */
  public static final String HINT = "give --ca-cert FILE (or $" + VARIABLE + ") with the certificate of the authority that"
      + " signed the server's certificate";

  private CaCertificates() {}

  /** The SSL context trusting the certificates in {@code file}; null when {@code file} is null or blank. */
  public static SSLContext trusting(String file) {
    if (file == null || file.isBlank()) {
      return null;
    }
    Path path = Path.of(file.strip());
    Collection<? extends Certificate> certs;
    try (InputStream in = Files.newInputStream(path)) {
      certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (IOException e) {
      throw new UsageException("--ca-cert " + path + ": cannot read it: " + e.getMessage());
    } catch (CertificateException e) {
      throw new UsageException("--ca-cert " + path + ": not a PEM certificate (-----BEGIN CERTIFICATE-----): "
          + e.getMessage());
    }
    if (certs.isEmpty()) {
      throw new UsageException("--ca-cert " + path + ": no certificate in it (expected PEM: -----BEGIN CERTIFICATE-----)");
    }
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate c : certs) {
        store.setCertificateEntry("ca-" + i++, c);
      }
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, trust.getTrustManagers(), null);
      return ctx;
    } catch (GeneralSecurityException | IOException e) {
      throw new UsageException("--ca-cert " + path + ": the JDK cannot trust these certificates: " + e.getMessage());
    }
  }
}
