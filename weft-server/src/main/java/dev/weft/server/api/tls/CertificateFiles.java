package dev.weft.server.api.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The two PEM files of the server's TLS identity ({@link PemIdentity}) and the options that named
 * them, read again whenever their content changes ({@link CertificateReloader}).
 *
 * @param cert the certificate chain, the server's own certificate first
 * @param certOption where {@code cert} was given (for messages), e.g. {@code --tls-cert}
 * @param key its unencrypted PKCS#8 private key
 * @param keyOption where {@code key} was given
 * @param clientCa the authorities whose client certificates are required (mutual TLS); null: none asked for
 * @param clientCaOption where {@code clientCa} was given
 */
public record CertificateFiles(Path cert, String certOption, Path key, String keyOption, Path clientCa,
    String clientCaOption) {
  /** Server files without client certificates. */
  public CertificateFiles(Path cert, String certOption, Path key, String keyOption) {
    this(cert, certOption, key, keyOption, null, null);
  }

  /** Whether clients must present a certificate one of {@link #clientCa}'s authorities signed. */
  public boolean clientAuth() {
    return clientCa != null;
  }

  /**
   * The SSL context serving the pair as the files hold it now (trusting {@link #clientCa} for client
   * certificates); refused files throw {@link PemIdentity.UnreadableException}.
   */
  public SSLContext read() {
    return PemIdentity.context(PemIdentity.keyManagers(cert, certOption, key, keyOption),
        clientAuth() ? PemIdentity.trustManagers(clientCa, clientCaOption) : null);
  }

  /** The server's own certificate as the chain file holds it now (its subject and expiry, for the log). */
  public X509Certificate leaf() {
    return PemIdentity.chain(cert, certOption).getFirst();
  }

  /**
   * A digest of the files' bytes: it changes when one is rewritten or replaced (a renamed file or a
   * swapped symbolic link, as certbot and Kubernetes secret volumes do); empty when one cannot be
   * read right now.
   */
  public Optional<String> fingerprint() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(Files.readAllBytes(cert));
      sha.update((byte) 0);
      sha.update(Files.readAllBytes(key));
      if (clientAuth()) {
        sha.update((byte) 0);
        sha.update(Files.readAllBytes(clientCa));
      }
      return Optional.of(HexFormat.of().formatHex(sha.digest()));
    } catch (IOException e) {
      return Optional.empty();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** "--tls-cert FILE and --tls-key FILE" (and the client authorities' file). */
  public String describe() {
    return certOption + " " + cert + (clientAuth() ? ", " : " and ") + keyOption + " " + key
        + (clientAuth() ? " and " + clientCaOption + " " + clientCa : "");
  }
}
