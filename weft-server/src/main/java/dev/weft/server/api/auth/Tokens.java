package dev.weft.server.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The configured bearer tokens. Only SHA-256 digests are kept; a lookup compares the presented
 * token's digest with every entry in constant time ({@link MessageDigest#isEqual}) and does not
 * stop at the first match, so timing does not tell how much of a token was right.
 *
 * <p>Text form, one token per line: {@code TOKEN ROLE [NAME]}; blank lines and lines starting
 * with {@code #} are skipped. Tokens are at least {@value #MIN_LENGTH} characters.
 */
public final class Tokens {
  public static final int MIN_LENGTH = 16;

  private record Entry(byte[] digest, Caller caller) {}

  private final List<Entry> entries;

  private Tokens(List<Entry> entries) {
    this.entries = List.copyOf(entries);
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
          where + "unknown role '" + parts[1] + "'; use admin, operator, viewer or agent"));
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
    return new Tokens(entries);
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The callers configured (names and roles, never tokens). */
  public List<Caller> callers() {
    return entries.stream().map(Entry::caller).toList();
  }

  /** The caller holding {@code token}, or empty. Runs in time independent of where it matches. */
  public Optional<Caller> lookup(String token) {
    byte[] d = digest(token);
    Caller found = null;
    for (Entry e : entries) {
      if (MessageDigest.isEqual(e.digest(), d)) {
        found = e.caller();
      }
    }
    return Optional.ofNullable(found);
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
