package dev.weft.server.api.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The configured bearer tokens. Only SHA-256 digests are kept; a lookup compares the presented
 * token's digest with every entry in constant time ({@link MessageDigest#isEqual}) and does not
 * stop at the first match, so timing does not tell how much of a token was right.
 *
 * <p>Text form, one token per line: {@code TOKEN ROLE [NAME]}; blank lines and lines starting
 * with {@code #} are skipped. Tokens are at least {@value #MIN_LENGTH} characters.
 *
 * <p>Tokens read from a file ({@link #watching}) follow the file: a lookup at least
 * {@link #RECHECK_NANOS} after the last check reads it again, and a changed file that parses and
 * holds tokens replaces them, so tokens are added, revoked and rotated without a restart. A file
 * that is unreadable, invalid or empty leaves the tokens as they were (logged once per change).
 */
public final class Tokens {
  public static final int MIN_LENGTH = 16;
  /** How often a file's tokens are checked for changes: once a second at most. */
  public static final long RECHECK_NANOS = 1_000_000_000L;
  private static final System.Logger LOG = System.getLogger(Tokens.class.getName());

  private record Entry(byte[] digest, Caller caller) {}

  private volatile List<Entry> entries;
  /** The file the tokens follow, or null. */
  private final Path file;
  private final LongSupplier nanos;
  private volatile long checkedAt;
  private String lastText;

  private Tokens(List<Entry> entries) {
    this(entries, null, System::nanoTime, null);
  }

  private Tokens(List<Entry> entries, Path file, LongSupplier nanos, String text) {
    this.entries = List.copyOf(entries);
    this.file = file;
    this.nanos = nanos;
    this.lastText = text;
    this.checkedAt = nanos.getAsLong();
  }

  /**
   * The tokens of {@code file}, followed as it changes (see above); {@code nanos} is the clock
   * of the checks.
   *
   * @throws TokenFileException naming {@code file:line} and what is wrong, or that it holds no tokens
   * @throws IOException when it cannot be read
   */
  public static Tokens watching(Path file, LongSupplier nanos) throws IOException {
    String text = Files.readString(file);
    List<Entry> entries = entries(text, file.toString());
    if (entries.isEmpty()) {
      throw new TokenFileException(file + " holds no tokens");
    }
    return new Tokens(entries, file, nanos, text);
  }

  public static Tokens none() {
    return new Tokens(List.of());
  }

  /**
   * Parses the text form; {@code source} names it in errors (a file name, or an environment variable).
   *
   * @throws TokenFileException naming {@code source:line} and what is wrong
   */
  public static Tokens parse(String text, String source) {
    return new Tokens(entries(text, source));
  }

  private static List<Entry> entries(String text, String source) {
    List<Entry> entries = new ArrayList<>();
    Set<String> names = new HashSet<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = source + ":" + (i + 1) + ": ";
      String[] parts = line.split("\\s+");
      if (parts.length < 2 || parts.length > 3) {
        throw new TokenFileException(where + "expected 'TOKEN ROLE [NAME]', got " + parts.length + " word(s)");
      }
      if (parts[0].length() < MIN_LENGTH) {
        throw new TokenFileException(where + "token is " + parts[0].length() + " characters; use at least " + MIN_LENGTH);
      }
      Role role = Role.parse(parts[1]).orElseThrow(() -> new TokenFileException(
          where + "unknown role '" + parts[1] + "'; use admin, operator, viewer, agent or worker"));
      String name = parts.length == 3 ? parts[2] : role.wireName() + "-" + (i + 1);
      if (!names.add(name)) {
        throw new TokenFileException(where + "name '" + name + "' is used twice");
      }
      byte[] digest = digest(parts[0]);
      if (entries.stream().anyMatch(e -> MessageDigest.isEqual(e.digest(), digest))) {
        throw new TokenFileException(where + "the same token is listed twice");
      }
      entries.add(new Entry(digest, new Caller(name, role)));
    }
    return entries;
  }

  /** True when no tokens are configured; tokens that follow a file are never empty. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The callers configured (names and roles, never tokens). */
  public List<Caller> callers() {
    recheck();
    return entries.stream().map(Entry::caller).toList();
  }

  /** The caller holding {@code token}, or empty. Runs in time independent of where it matches. */
  public Optional<Caller> lookup(String token) {
    recheck();
    byte[] d = digest(token);
    Caller found = null;
    for (Entry e : entries) {
      if (MessageDigest.isEqual(e.digest(), d)) {
        found = e.caller();
      }
    }
    return Optional.ofNullable(found);
  }

  /** Reads the file again when a check is due, and takes its tokens when it changed and is good. */
  private void recheck() {
    if (file == null || nanos.getAsLong() - checkedAt < RECHECK_NANOS) {
      return; // the usual case: no lock
    }
    synchronized (this) {
      long now = nanos.getAsLong();
      if (now - checkedAt < RECHECK_NANOS) {
        return;
      }
      checkedAt = now;
      String text;
      try {
        text = Files.readString(file);
      } catch (IOException e) {
        if (lastText != null) {
          LOG.log(System.Logger.Level.WARNING, "tokens file " + file + " cannot be read (" + e.getClass().getSimpleName()
              + "); keeping the tokens read before");
          lastText = null;
        }
        return;
      }
      if (text.equals(lastText)) {
        return;
      }
      lastText = text;
      try {
        List<Entry> next = entries(text, file.toString());
        if (next.isEmpty()) {
          LOG.log(System.Logger.Level.WARNING, "tokens file " + file + " holds no tokens; keeping the tokens read before");
          return;
        }
        entries = List.copyOf(next);
        LOG.log(System.Logger.Level.INFO, "tokens file " + file + " changed: " + next.size() + " token(s) now");
      } catch (TokenFileException e) {
        LOG.log(System.Logger.Level.WARNING, e.getMessage() + "; keeping the tokens read before");
      }
    }
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
