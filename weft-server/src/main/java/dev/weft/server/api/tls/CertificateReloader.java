package dev.weft.server.api.tls;

import java.lang.System.Logger.Level;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Serves a renewed certificate without a restart: looks at the PEM files every so often and, when
 * their content changed, reads the pair again and hands it to the TLS connector. New connections get
 * the new certificate; connections already open keep theirs. A pair that cannot be served (half
 * written, a key of another certificate, a file gone) is refused with a warning naming the file, and
 * the previous certificate stays in service until the files change again. Like Nomad's and
 * Kubernetes' API servers, which reload their certificates while running.
 */
public final class CertificateReloader implements AutoCloseable {
  /** What one look found. */
  public enum Outcome { UNCHANGED, RELOADED, REFUSED }

  private static final System.Logger LOG = System.getLogger(CertificateReloader.class.getName());
  private static final String UNREADABLE = "unreadable";
  /** A certificate that ends within this long is warned about when it is put in service. */
  static final Duration WARN_BEFORE = Duration.ofDays(14);

  private final SslContextFactory.Server factory;
  private final CertificateFiles files;
  private ScheduledExecutorService looks;
  private volatile Instant notAfter;
  /** The fingerprint of the files as last looked at (served or refused), or {@value #UNREADABLE}. */
  private String seen;

  /**
   * @param factory the connector's factory, serving {@code files} as they were when {@code seen} was taken
   * @param seen the files' fingerprint taken before they were read for the factory
   */
  public CertificateReloader(SslContextFactory.Server factory, CertificateFiles files, Optional<String> seen) {
    this.factory = factory;
    this.files = files;
    this.seen = seen.orElse(UNREADABLE);
    try {
      served(files.leaf());
    } catch (PemIdentity.UnreadableException e) { // changed since it was read: the first look reads it again
      this.seen = UNREADABLE;
    }
  }

  /** When the certificate in service stops being valid (empty until one could be read). */
  public Optional<Instant> notAfter() {
    return Optional.ofNullable(notAfter);
  }

  private void served(X509Certificate leaf) {
    notAfter = leaf.getNotAfter().toInstant();
    Duration left = Duration.between(Instant.now(), notAfter);
    if (left.compareTo(WARN_BEFORE) < 0) {
      LOG.log(Level.WARNING, "HTTPS: the certificate of " + files.describe() + " (" + leaf.getSubjectX500Principal()
          + ") " + (left.isNegative() ? "expired at " : "expires at ") + notAfter + "; renew it (the files are looked at"
          + " every few seconds, no restart needed)");
    }
  }

  /** Looks every {@code every} on a daemon thread until closed. */
  public synchronized CertificateReloader start(Duration every) {
    if (looks == null) {
      looks = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("weft-tls-reload")
          .unstarted(r));
      looks.scheduleWithFixedDelay(this::lookQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }
    return this;
  }

  /** One look: reloads the pair if the files changed since the last look. */
  public synchronized Outcome look() {
    String now = files.fingerprint().orElse(UNREADABLE);
    if (now.equals(seen)) {
      return Outcome.UNCHANGED;
    }
    seen = now;
    if (now.equals(UNREADABLE)) {
      LOG.log(Level.WARNING, "HTTPS: cannot read " + files.describe() + " any more; still serving the certificate"
          + " read before");
      return Outcome.REFUSED;
    }
    try {
      SSLContext renewed = files.read();
      X509Certificate leaf = files.leaf();
      factory.reload(f -> f.setSslContext(renewed));
      served(leaf);
      LOG.log(Level.INFO, "HTTPS: serving the renewed certificate of " + files.describe() + " ("
          + leaf.getSubjectX500Principal() + ", valid until " + leaf.getNotAfter().toInstant() + ")");
      return Outcome.RELOADED;
    } catch (PemIdentity.UnreadableException e) {
      LOG.log(Level.WARNING, "HTTPS: the changed files are refused, still serving the certificate read before: "
          + e.getMessage());
      return Outcome.REFUSED;
    } catch (Exception e) { // the connector refused the new context
      LOG.log(Level.WARNING, "HTTPS: the renewed pair of " + files.describe() + " could not be put in service,"
          + " still serving the certificate read before: " + e);
      return Outcome.REFUSED;
    }
  }

  private void lookQuietly() {
    try {
      look();
    } catch (RuntimeException e) { // keep looking: the next change may be fine
      LOG.log(Level.WARNING, "HTTPS: looking for a renewed certificate failed: " + e);
    }
  }

  @Override
  public synchronized void close() {
    if (looks != null) {
      looks.shutdownNow();
      looks = null;
    }
  }
}
