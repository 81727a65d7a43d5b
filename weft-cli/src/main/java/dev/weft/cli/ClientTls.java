package dev.weft.cli;

import dev.weft.server.api.tls.PemIdentity;
import java.nio.file.Path;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;

/**
 * How a client (the CLI, an agent, a worker) talks TLS to an {@code https} server:
 * <ul>
 *   <li>{@code --ca-cert FILE} (or {@code $WEFT_CA_CERT}): the authorities, in PEM, trusted to have
 *       signed the server's certificate, in place of the JDK's public ones, as {@code curl --cacert};
 *   <li>{@code --client-cert FILE} and {@code --client-key FILE} (or {@code $WEFT_CLIENT_CERT},
 *       {@code $WEFT_CLIENT_KEY}): the certificate this client presents to a server that asks for
 *       one ({@code weft server --tls-client-ca}), as {@code curl --cert/--key}.
 * </ul>
 * Read with the JDK alone ({@link PemIdentity}); a file that cannot be used is a usage error naming it.
 */
public final class ClientTls {
  /** The environment variable read when {@code --ca-cert} is not given. */
  public static final String CA_VARIABLE = "WEFT_CA_CERT";
  /** The environment variable read when {@code --client-cert} is not given. */
  public static final String CERT_VARIABLE = "WEFT_CLIENT_CERT";
  /** The environment variable read when {@code --client-key} is not given. */
  public static final String KEY_VARIABLE = "WEFT_CLIENT_KEY";
  /** How a client tells the user to trust a private authority, for messages about refused certificates. */
  public static final String HINT = "give --ca-cert FILE (or $" + CA_VARIABLE + ") with the certificate of the authority"
      + " that signed the server's certificate";
  /** How a client tells the user that the server wants a client certificate. */
  public static final String CLIENT_HINT = "if the server asks for client certificates (weft server --tls-client-ca),"
      + " give --client-cert FILE and --client-key FILE (or $" + CERT_VARIABLE + ", $" + KEY_VARIABLE + ")";

  private ClientTls() {}

  /**
   * The SSL context for these files (each null or blank when not given); null when none is given
   * (the JDK's default: public authorities, no client certificate).
   */
  public static SSLContext context(String caCert, String clientCert, String clientKey) {
    boolean trust = given(caCert);
    boolean identity = given(clientCert) || given(clientKey);
    if (!trust && !identity) {
      return null;
    }
    if (given(clientCert) != given(clientKey)) {
      throw new UsageException(given(clientCert) ? "--client-cert needs --client-key (the certificate's private key)"
          : "--client-key needs --client-cert (the certificate chain it belongs to)");
    }
    try {
      KeyManager[] keys = identity ? PemIdentity.keyManagers(path(clientCert), "--client-cert", path(clientKey),
          "--client-key") : null;
      TrustManager[] trusted = trust ? PemIdentity.trustManagers(path(caCert), "--ca-cert") : null;
      return PemIdentity.context(keys, trusted);
    } catch (PemIdentity.UnreadableException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /**
   * Whether a failed handshake is the server refusing this client (no certificate, or one of an
   * authority it does not trust) rather than this client refusing the server's certificate.
   */
  public static boolean refusedClient(SSLHandshakeException e) {
    // an alert the server sent; this side's own refusal of the server's certificate is "PKIX path building failed"
    return String.valueOf(e.getMessage()).contains("Received fatal alert");
  }

  private static boolean given(String file) {
    return file != null && !file.isBlank();
  }

  private static Path path(String file) {
    return Path.of(file.strip());
  }
}
