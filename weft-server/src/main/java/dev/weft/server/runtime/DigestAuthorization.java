package dev.weft.server.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The answer to an HTTP Digest challenge (RFC 7616): picks the strongest challenge it can
 * answer ({@code SHA-512-256}, {@code SHA-256}, {@code MD5}, each also as {@code -sess}) with
 * {@code qop=auth}, else {@code qop=auth-int} (the entity body's hash in A2), or no qop (RFC 2069
 * style) when the server offers none, and builds the {@code Authorization} value.
 * {@code userhash=true} is honoured. Pure: the client nonce and the body are given.
 */
final class DigestAuthorization {
  private static final List<String> STRENGTH = List.of("SHA-512-256", "SHA-256", "MD5");

  /** One {@code Digest} challenge's parameters, names in lower case. */
  record Challenge(Map<String, String> params) {
    String algorithm() {
      return params.getOrDefault("algorithm", "MD5").toUpperCase(Locale.ROOT);
    }

    String baseAlgorithm() {
      return algorithm().endsWith("-SESS") ? algorithm().substring(0, algorithm().length() - 5) : algorithm();
    }

    boolean answerable() {
      String qop = params.get("qop");
      return STRENGTH.contains(baseAlgorithm()) && params.containsKey("nonce")
          && (qop == null || qops(qop).contains("auth") || qops(qop).contains("auth-int"));
    }

    /** {@code auth} when offered (or no qop at all), else {@code auth-int}. */
    String qop() {
      String qop = params.get("qop");
      return qop == null ? null : qops(qop).contains("auth") ? "auth" : "auth-int";
    }
  }

  private DigestAuthorization() {}

  /**
   * The strongest {@code Digest} challenge among the {@code WWW-Authenticate} values that this
   * class can answer, or empty.
   */
  static Optional<Challenge> strongest(List<String> wwwAuthenticate) {
    return wwwAuthenticate.stream().flatMap(v -> parse(v).stream()).filter(Challenge::answerable)
        .min(java.util.Comparator.comparingInt(c -> STRENGTH.indexOf(c.baseAlgorithm())));
  }

  /** Why none of the values can be answered, for the fault's detail. */
  static String unanswerable(List<String> wwwAuthenticate) {
    return wwwAuthenticate.isEmpty() ? "the server sent no WWW-Authenticate challenge"
        : "no Digest challenge with algorithm " + STRENGTH + " (or -sess) and qop auth or auth-int among " + wwwAuthenticate;
  }

  /** The {@code Authorization} header value answering {@code c} for this request. */
  static String answer(Challenge c, String username, String password, String method, String requestUri, String cnonce) {
    return answer(c, username, password, method, requestUri, cnonce, new byte[0]);
  }

  /**
   * As above, for a request with this entity body: with {@code qop=auth-int} (taken only when the
   * server does not offer {@code auth}) A2 is {@code method:uri:H(body)}, RFC 7616 section 3.4.3.
   */
  static String answer(Challenge c, String username, String password, String method, String requestUri, String cnonce,
      byte[] body) {
    String alg = c.baseAlgorithm();
    String realm = c.params().getOrDefault("realm", "");
    String nonce = c.params().get("nonce");
    boolean userhash = "true".equalsIgnoreCase(c.params().get("userhash"));
    String nc = "00000001";
    String ha1 = hash(alg, username + ":" + realm + ":" + password);
    if (c.algorithm().endsWith("-SESS")) {
      ha1 = hash(alg, ha1 + ":" + nonce + ":" + cnonce);
    }
    String qopChosen = c.qop();
    boolean qop = qopChosen != null;
    String ha2 = "auth-int".equals(qopChosen) ? hash(alg, method + ":" + requestUri + ":" + hash(alg, body))
        : hash(alg, method + ":" + requestUri);
    String response = qop ? hash(alg, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qopChosen + ":" + ha2)
        : hash(alg, ha1 + ":" + nonce + ":" + ha2);
    StringBuilder b = new StringBuilder("Digest username=")
        .append(quoted(userhash ? hash(alg, username + ":" + realm) : username))
        .append(", realm=").append(quoted(realm))
        .append(", uri=").append(quoted(requestUri))
        .append(", algorithm=").append(c.params().getOrDefault("algorithm", "MD5"))
        .append(", nonce=").append(quoted(nonce));
    if (qop) {
      b.append(", nc=").append(nc).append(", cnonce=").append(quoted(cnonce)).append(", qop=").append(qopChosen);
    }
    b.append(", response=").append(quoted(response));
    if (c.params().containsKey("opaque")) {
      b.append(", opaque=").append(quoted(c.params().get("opaque")));
    }
    if (userhash) {
      b.append(", userhash=true");
    }
    return b.toString();
  }

  /** The challenges of one {@code WWW-Authenticate} value (several may share one header, comma separated). */
  static List<Challenge> parse(String header) {
    List<Challenge> found = new ArrayList<>();
    Map<String, String> current = null;
    int i = 0;
    int n = header.length();
    while (i < n) {
      while (i < n && (header.charAt(i) == ',' || Character.isWhitespace(header.charAt(i)))) {
        i++;
      }
      int start = i;
      while (i < n && header.charAt(i) != '=' && header.charAt(i) != ',' && !Character.isWhitespace(header.charAt(i))) {
        i++;
      }
      String token = header.substring(start, i);
      int j = i;
      while (j < n && Character.isWhitespace(header.charAt(j))) {
        j++;
      }
      if (token.isEmpty()) {
        break;
      }
      if (j < n && header.charAt(j) == '=') {
        i = j + 1;
        while (i < n && Character.isWhitespace(header.charAt(i))) {
          i++;
        }
        StringBuilder value = new StringBuilder();
        if (i < n && header.charAt(i) == '"') {
          for (i++; i < n && header.charAt(i) != '"'; i++) {
            value.append(header.charAt(i) == '\\' && i + 1 < n ? header.charAt(++i) : header.charAt(i));
          }
          i++;
        } else {
          while (i < n && header.charAt(i) != ',') {
            value.append(header.charAt(i++));
          }
        }
        if (current != null) {
          current.put(token.toLowerCase(Locale.ROOT), value.toString().strip());
        }
      } else {
        current = token.equalsIgnoreCase("Digest") ? new LinkedHashMap<>() : null;
        if (current != null) {
          found.add(new Challenge(current));
        }
        i = j;
      }
    }
    return found;
  }

  private static List<String> qops(String qop) {
    return List.of(qop.toLowerCase(Locale.ROOT).split("\\s*,\\s*"));
  }

  static String hash(String algorithm, String text) {
    return hash(algorithm, text.getBytes(StandardCharsets.UTF_8));
  }

  static String hash(String algorithm, byte[] bytes) {
    try {
      String jca = algorithm.equals("SHA-512-256") ? "SHA-512/256" : algorithm;
      return HexFormat.of().formatHex(MessageDigest.getInstance(jca).digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + algorithm, e);
    }
  }

  private static String quoted(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
