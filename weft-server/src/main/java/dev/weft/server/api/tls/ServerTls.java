package dev.weft.server.api.tls;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * What the API serves HTTPS with: an SSL context, and where it came from when it came from PEM
 * files, which the server then looks at every {@code look} and serves again when they change.
 *
 * @param context the identity served from the start
 * @param files the files it was read from; empty for a fixed context (nothing to reload)
 * @param fingerprint the files' {@link CertificateFiles#fingerprint} taken just before they were read
 * @param look how often the files are looked at
 */
public record ServerTls(SSLContext context, Optional<CertificateFiles> files, Optional<String> fingerprint,
    Duration look) {
  /** How often {@code weft server --tls-cert} looks for a renewed certificate. */
  public static final Duration DEFAULT_LOOK = Duration.ofSeconds(10);

  public ServerTls {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(files, "files");
    Objects.requireNonNull(fingerprint, "fingerprint");
    if (look.isNegative() || look.isZero()) {
      throw new IllegalArgumentException("the look interval must be positive, got " + look);
    }
  }

  /** Whether clients must present a certificate (mutual TLS): the files name their authorities. */
  public boolean clientAuth() {
    return files.map(CertificateFiles::clientAuth).orElse(false);
  }

  /** A context that is never reloaded. */
  public static ServerTls fixed(SSLContext context) {
    return new ServerTls(context, Optional.empty(), Optional.empty(), DEFAULT_LOOK);
  }

  /** The files' identity, read now (refused pairs throw {@link PemIdentity.UnreadableException}), reloaded when they change. */
  public static ServerTls fromFiles(CertificateFiles files, Duration look) {
    Optional<String> before = files.fingerprint(); // a change while reading is then seen at the first look
    return new ServerTls(files.read(), Optional.of(files), before, look);
  }
}
