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
 */
public record CertificateFiles(Path cert, String certOption, Path key, String keyOption) {
  /** The SSL context serving the pair as the files hold it now; refused pairs throw {@link PemIdentity.UnreadableException}. */
  public SSLContext read() {
    return PemIdentity.serverContext(cert, certOption, key, keyOption);
  }

  /** The server's own certificate as the chain file holds it now (its subject and expiry, for the log). */
  public X509Certificate leaf() {
    return PemIdentity.chain(cert, certOption).getFirst();
  }

  /**
   * A digest of both files' bytes: it changes when either file is rewritten or replaced (a renamed
   * file or a swapped symbolic link, as certbot and Kubernetes secret volumes do); empty when either
   * cannot be read right now.
   */
  public Optional<String> fingerprint() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(Files.readAllBytes(cert));
      sha.update((byte) 0);
      sha.update(Files.readAllBytes(key));
      return Optional.of(HexFormat.of().formatHex(sha.digest()));
    } catch (IOException e) {
      return Optional.empty();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** "--tls-cert FILE and --tls-key FILE". */
  public String describe() {
    return certOption + " " + cert + " and " + keyOption + " " + key;
  }
}
