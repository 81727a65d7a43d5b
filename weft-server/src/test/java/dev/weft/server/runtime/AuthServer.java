package dev.weft.server.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server on loopback that plays every party of the authentication tests, each
 * checking what it receives as its RFC says (written from RFC 7616 and RFC 6749, not from the
 * client under test):
 * <ul>
 *   <li>{@code /moved} answers 302 to {@code /target}, which answers {@code {"reached": true}};</li>
 *   <li>{@code /digest/md5} and {@code /digest/both} (SHA-256 and MD5 offered) want user
 *       {@code alice}, password {@code wonderland} in realm {@code weft-test}, qop=auth;</li>
 *   <li>{@code /oauth2/token} and {@code /realms/r/protocol/openid-connect/token} issue tokens to
 *       client {@code app} with secret {@code s3cr3t} (basic or post) for the client_credentials
 *       grant, and the password grant for {@code bob}/{@code builder};
 *       {@code /realms/r/.well-known/openid-configuration} names the latter;</li>
 *   <li>{@code /revoke} forgets every token issued so far;</li>
 *   <li>{@code /api/...} wants a bearer token issued here and not revoked.</li>
 * </ul>
 */
final class AuthServer implements AutoCloseable {
  static final String REALM = "weft-test";
  private static final Pattern PARAM = Pattern.compile("([A-Za-z-]+)=(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^,\\s]*))");

  /** A token request as the token endpoint saw it. */
  record TokenRequest(String path, Map<String, List<String>> form, String authorization) {}

  final HttpServer server;
  final List<TokenRequest> tokenRequests = new CopyOnWriteArrayList<>();
  final List<String> digestAlgorithmsUsed = new CopyOnWriteArrayList<>();
  final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  final Set<String> issued = ConcurrentHashMap.newKeySet();
  volatile int expiresIn = 3600;
  /** The secret client {@code app} must present. */
  volatile String clientSecret = "s3cr3t";
  private final Set<String> nonces = ConcurrentHashMap.newKeySet();
  private final AtomicInteger counter = new AtomicInteger();

  AuthServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  int count(String path) {
    AtomicInteger n = calls.get(path);
    return n == null ? 0 : n.get();
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    calls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    if (path.equals("/moved")) {
      ex.getResponseHeaders().add("Location", "/target");
      reply(ex, 302, "");
    } else if (path.equals("/target")) {
      reply(ex, 200, "{\"reached\": true}");
    } else if (path.equals("/digest/int")) {
      digestInt(ex, body);
    } else if (path.startsWith("/digest/")) {
      digest(ex, path.endsWith("/both") ? List.of("SHA-256", "MD5") : List.of("MD5"));
    } else if (path.equals("/oauth2/token") || path.equals("/realms/r/protocol/openid-connect/token")) {
      token(ex, path, body);
    } else if (path.equals("/realms/r/.well-known/openid-configuration")) {
      reply(ex, 200, "{\"issuer\": \"" + base() + "/realms/r\", \"token_endpoint\": \"" + base()
          + "/realms/r/protocol/openid-connect/token\"}");
    } else if (path.equals("/revoke")) {
      issued.clear();
      reply(ex, 200, "{}");
    } else if (path.startsWith("/api/")) {
      String auth = String.valueOf(ex.getRequestHeaders().getFirst("Authorization"));
      boolean ok = auth.startsWith("Bearer ") && issued.contains(auth.substring(7));
      reply(ex, ok ? 200 : 401, ok ? "{\"ok\": true}" : "{\"error\": \"invalid_token\"}");
    } else {
      reply(ex, 404, "");
    }
  }

  /** RFC 7616 section 3.4.1: response = KD(H(A1), nonce:nc:cnonce:qop:H(A2)), A1 = user:realm:password, A2 = method:uri. */
  private void digest(HttpExchange ex, List<String> offered) throws IOException {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (auth != null && auth.startsWith("Digest ")) {
      Map<String, String> p = digestParams(auth);
      String alg = p.getOrDefault("algorithm", "MD5");
      String uri = ex.getRequestURI().getRawPath() + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
      if (offered.contains(alg) && nonces.contains(p.get("nonce")) && "alice".equals(p.get("username"))
          && REALM.equals(p.get("realm")) && uri.equals(p.get("uri")) && "auth".equals(p.get("qop"))
          && p.get("cnonce") != null && p.get("nc") != null) {
        String ha1 = h(alg, "alice:" + REALM + ":wonderland");
        String ha2 = h(alg, ex.getRequestMethod() + ":" + uri);
        String expected = h(alg, ha1 + ":" + p.get("nonce") + ":" + p.get("nc") + ":" + p.get("cnonce") + ":auth:" + ha2);
        if (expected.equals(p.get("response"))) {
          digestAlgorithmsUsed.add(alg);
          reply(ex, 200, "{\"user\": \"alice\", \"algorithm\": \"" + alg + "\"}");
          return;
        }
      }
    }
    String nonce = "n" + counter.incrementAndGet() + "x" + System.nanoTime();
    nonces.add(nonce);
    for (String alg : offered) {
      ex.getResponseHeaders().add("WWW-Authenticate", "Digest realm=\"" + REALM + "\", qop=\"auth, auth-int\", algorithm="
          + alg + ", nonce=\"" + nonce + "\", opaque=\"op4que\"");
    }
    reply(ex, 401, "");
  }

  /** The parameters of a {@code Digest ...} Authorization value, names lower-cased, quoted values unescaped. */
  private static Map<String, String> digestParams(String auth) {
    Map<String, String> p = new HashMap<>();
    Matcher m = PARAM.matcher(auth.substring(7));
    while (m.find()) {
      p.put(m.group(1).toLowerCase(), m.group(2) != null ? m.group(2).replaceAll("\\\\(.)", "$1") : m.group(3));
    }
    return p;
  }

  /** RFC 7616 section 3.4.3, qop=auth-int only: A2 = method:uri:H(entity-body), MD5. */
  private void digestInt(HttpExchange ex, String body) throws IOException {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (auth != null && auth.startsWith("Digest ")) {
      Map<String, String> p = digestParams(auth);
      String uri = ex.getRequestURI().getRawPath() + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
      if (nonces.contains(p.get("nonce")) && "alice".equals(p.get("username")) && "auth-int".equals(p.get("qop"))
          && uri.equals(p.get("uri"))) {
        String ha1 = h("MD5", "alice:" + REALM + ":wonderland");
        String ha2 = h("MD5", ex.getRequestMethod() + ":" + uri + ":" + h("MD5", body));
        String expected = h("MD5", ha1 + ":" + p.get("nonce") + ":" + p.get("nc") + ":" + p.get("cnonce") + ":auth-int:" + ha2);
        if (expected.equals(p.get("response"))) {
          reply(ex, 200, "{\"user\": \"alice\", \"qop\": \"auth-int\", \"body\": " + body + "}");
          return;
        }
      }
    }
    String nonce = "i" + counter.incrementAndGet() + "x" + System.nanoTime();
    nonces.add(nonce);
    ex.getResponseHeaders().add("WWW-Authenticate", "Digest realm=\"" + REALM + "\", qop=\"auth-int\", nonce=\"" + nonce + "\"");
    reply(ex, 401, "");
  }

  /** RFC 6749 sections 2.3.1, 4.3.2, 4.4.2 and 5.1/5.2. */
  private void token(HttpExchange ex, String path, String body) throws IOException {
    Map<String, List<String>> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.computeIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), k -> new CopyOnWriteArrayList<>())
            .add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    String authorization = ex.getRequestHeaders().getFirst("Authorization");
    tokenRequests.add(new TokenRequest(path, form, authorization));
    String client = first(form, "client_id");
    String secret = first(form, "client_secret");
    if (authorization != null && authorization.startsWith("Basic ")) {
      String[] pair = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8).split(":", 2);
      client = URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
      secret = pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : null;
    }
    if (!"POST".equals(ex.getRequestMethod()) || !String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")).startsWith("application/x-www-form-urlencoded")) {
      reply(ex, 400, "{\"error\": \"invalid_request\"}");
    } else if (!"app".equals(client) || !clientSecret.equals(secret)) {
      reply(ex, 401, "{\"error\": \"invalid_client\", \"error_description\": \"unknown client or wrong secret\"}");
    } else if (!switch (String.valueOf(first(form, "grant_type"))) {
      case "client_credentials" -> true;
      case "password" -> "bob".equals(first(form, "username")) && "builder".equals(first(form, "password"));
      case "urn:ietf:params:oauth:grant-type:token-exchange" -> "user-token-1".equals(first(form, "subject_token"))
          && "urn:ietf:params:oauth:token-type:access_token".equals(first(form, "subject_token_type"))
          && (form.get("actor_token") == null || "urn:ietf:params:oauth:token-type:jwt".equals(first(form, "actor_token_type")));
      default -> false;
    }) {
      reply(ex, 400, "{\"error\": \"invalid_grant\"}");
    } else {
      String token = "tok-" + counter.incrementAndGet();
      issued.add(token);
      reply(ex, 200, "{\"access_token\": \"" + token + "\", \"token_type\": \"Bearer\", \"expires_in\": " + expiresIn + "}");
    }
  }

  private static String first(Map<String, List<String>> form, String name) {
    List<String> v = form.get(name);
    return v == null || v.isEmpty() ? null : v.getFirst();
  }

  private static String h(String alg, String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(alg).digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void reply(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      ex.getResponseBody().write(bytes);
    }
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
