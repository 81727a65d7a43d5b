package dev.weft.server.runtime;

import static dev.weft.server.runtime.Snapshots.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Access tokens for {@code oauth2} and {@code oidc} authentication (RFC 6749 section 4.3 and
 * 4.4): the {@code client_credentials} and {@code password} grants and token exchange (RFC 8693,
 * {@code urn:ietf:params:oauth:grant-type:token-exchange} with the policy's {@code subject} and
 * optional {@code actor} tokens), the client authenticated
 * by {@code client_secret_post} (the default), {@code client_secret_basic}, {@code none}, or a
 * given {@code client.assertion} ({@code client_secret_jwt}, {@code private_key_jwt}); the
 * request form-encoded or, with {@code request.encoding: application/json}, JSON. {@code oidc}
 * first reads the authority's {@code /.well-known/openid-configuration} for its
 * {@code token_endpoint} (kept per authority; its {@code issuer} must be one of
 * {@code issuers} when they are given).
 *
 * <p>Tokens live in memory only, never in the journal: one per token endpoint, client, grant,
 * user, scopes and audiences, kept until {@link #MARGIN} (or a tenth of its lifetime, if
 * shorter) before it expires; a token without {@code expires_in} serves one call only.
 */
final class OAuthTokens {
  /** How long before its expiry a token is replaced. */
  static final Duration MARGIN = Duration.ofSeconds(30);

  /** RFC 8693's grant type. */
  static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";

  private record Key(String endpoint, String client, String grant, String user, String scopes, String audiences,
                     String subject, String actor) {}

  private record Token(String value, long expiresAtMillis) {}

  private final HttpClient client;
  private final Duration timeout;
  private final HostRedirects redirects;
  private final LongSupplier clock;
  private final Map<Key, Token> tokens = new ConcurrentHashMap<>();
  private final Map<String, String> tokenEndpoints = new ConcurrentHashMap<>();

  OAuthTokens(HttpClient client, Duration timeout, HostRedirects redirects, LongSupplier clockMillis) {
    this.client = client;
    this.timeout = timeout;
    this.redirects = redirects;
    this.clock = clockMillis;
  }

  /** A token for the policy ({@code oidc} when {@code discover}), from the cache or the token endpoint. */
  String token(JsonNode policy, boolean discover, String step) throws CommandFault {
    String grant = policy.path("grant").asText();
    if (!grant.equals("client_credentials") && !grant.equals("password") && !grant.equals(TOKEN_EXCHANGE)) {
      throw new CommandFault("configuration", 501, "Not supported", "OAuth2 grant '" + grant
          + "' is not supported; Weft requests tokens with the client_credentials, password and " + TOKEN_EXCHANGE
          + " grants", step);
    }
    if (grant.equals(TOKEN_EXCHANGE) && !(policy.at("/subject/token").isTextual() && policy.at("/subject/type").isTextual())) {
      throw new CommandFault("configuration", 400, "Bad authentication", "the " + TOKEN_EXCHANGE
          + " grant needs subject: {token, type}", step);
    }
    String endpoint = discover ? discovered(policy, step) : tokenEndpoint(policy);
    Key key = key(policy, endpoint, grant);
    Token known = tokens.get(key);
    long now = clock.getAsLong();
    if (known != null && now < known.expiresAtMillis()) {
      return known.value();
    }
    Token fresh = request(policy, endpoint, grant, step, now);
    if (fresh.expiresAtMillis() > now) {
      tokens.put(key, fresh);
    }
    return fresh.value();
  }

  /** Drops the cached token of the policy (the resource server refused it). */
  void forget(JsonNode policy, boolean discover) {
    String endpoint = discover ? tokenEndpoints.get(authority(policy)) : tokenEndpoint(policy);
    if (endpoint != null) {
      tokens.remove(key(policy, endpoint, policy.path("grant").asText()));
    }
  }

  private static Key key(JsonNode policy, String endpoint, String grant) {
    return new Key(endpoint, policy.at("/client/id").asText(), grant, policy.path("username").asText(),
        policy.path("scopes").toString(), policy.path("audiences").toString(), policy.path("subject").toString(),
        policy.path("actor").toString());
  }

  /** {@code authority} joined with {@code endpoints.token} (default {@code /oauth2/token}) unless that is absolute. */
  static String tokenEndpoint(JsonNode policy) {
    String path = policy.at("/endpoints/token").asText("/oauth2/token");
    if (URI.create(path).isAbsolute()) {
      return path;
    }
    return authority(policy) + (path.startsWith("/") ? path : "/" + path);
  }

  private static String authority(JsonNode policy) {
    String a = policy.path("authority").asText();
    return a.endsWith("/") ? a.substring(0, a.length() - 1) : a;
  }

  private String discovered(JsonNode policy, String step) throws CommandFault {
    String authority = authority(policy);
    String known = tokenEndpoints.get(authority);
    if (known != null) {
      return known;
    }
    String wellKnown = authority.endsWith("/.well-known/openid-configuration") ? authority
        : authority + "/.well-known/openid-configuration";
    HttpResponse<String> r = send(HttpRequest.newBuilder(target(wellKnown, step)).timeout(timeout).GET()
        .header("Accept", "application/json"), "GET " + wellKnown, step);
    JsonNode config = json(r.body());
    if (r.statusCode() != 200 || !config.path("token_endpoint").isTextual()) {
      throw new CommandFault("authentication", 401, "OpenID discovery failed", "GET " + wellKnown + " answered "
          + r.statusCode() + " without a token_endpoint", step);
    }
    List<String> issuers = texts(policy.path("issuers"));
    String issuer = config.path("issuer").asText();
    if (!issuers.isEmpty() && !issuers.contains(issuer)) {
      throw new CommandFault("authentication", 401, "Untrusted issuer", "the OpenID provider at " + wellKnown
          + " names issuer '" + issuer + "', which is not among issuers " + issuers, step);
    }
    String endpoint = config.get("token_endpoint").asText();
    tokenEndpoints.put(authority, endpoint);
    return endpoint;
  }

  private Token request(JsonNode policy, String endpoint, String grant, String step, long now) throws CommandFault {
    Map<String, List<String>> form = new java.util.LinkedHashMap<>();
    form.put("grant_type", List.of(grant));
    if (grant.equals("password")) {
      form.put("username", List.of(policy.path("username").asText()));
      form.put("password", List.of(policy.path("password").asText()));
    }
    if (grant.equals(TOKEN_EXCHANGE)) { // RFC 8693 section 2.1
      form.put("subject_token", List.of(policy.at("/subject/token").asText()));
      form.put("subject_token_type", List.of(policy.at("/subject/type").asText()));
      if (policy.at("/actor/token").isTextual()) {
        form.put("actor_token", List.of(policy.at("/actor/token").asText()));
        form.put("actor_token_type", List.of(policy.at("/actor/type").asText()));
      }
    }
    List<String> scopes = texts(policy.path("scopes"));
    if (!scopes.isEmpty()) {
      form.put("scope", List.of(String.join(" ", scopes)));
    }
    List<String> audiences = texts(policy.path("audiences"));
    if (!audiences.isEmpty()) {
      form.put("audience", audiences);
    }
    HttpRequest.Builder req = HttpRequest.newBuilder(target(endpoint, step)).timeout(timeout).header("Accept", "application/json");
    clientAuthentication(policy, form, req, step);
    boolean asJson = policy.at("/request/encoding").asText().equals("application/json");
    req.header("Content-Type", asJson ? "application/json" : "application/x-www-form-urlencoded");
    req.POST(HttpRequest.BodyPublishers.ofString(asJson ? jsonBody(form) : formBody(form)));
    HttpResponse<String> r = send(req, "POST " + endpoint, step);
    JsonNode answer = json(r.body());
    if (r.statusCode() != 200 || !answer.path("access_token").isTextual()) {
      String why = answer.has("error") ? answer.path("error").asText()
          + (answer.has("error_description") ? " (" + answer.path("error_description").asText() + ")" : "")
          : "status " + r.statusCode() + " without an access_token";
      throw new CommandFault("authentication", 401, "Token refused", "token endpoint " + endpoint
          + " refused the " + grant + " grant: " + why, step);
    }
    long lifetime = answer.path("expires_in").asLong(0) * 1000;
    long margin = Math.min(MARGIN.toMillis(), lifetime / 10);
    return new Token(answer.get("access_token").asText(), lifetime <= 0 ? now : now + lifetime - margin);
  }

  private static void clientAuthentication(JsonNode policy, Map<String, List<String>> form, HttpRequest.Builder req,
      String step) throws CommandFault {
    String id = policy.at("/client/id").asText();
    String secret = policy.at("/client/secret").asText();
    String method = policy.at("/client/authentication").asText("client_secret_post");
    switch (method) {
      case "client_secret_basic" -> {
        String pair = URLEncoder.encode(id, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        req.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
      }
      case "client_secret_post" -> {
        form.put("client_id", List.of(id));
        form.put("client_secret", List.of(secret));
      }
      case "none" -> {
        if (!id.isEmpty()) {
          form.put("client_id", List.of(id));
        }
      }
      case "client_secret_jwt", "private_key_jwt" -> {
        if (!policy.at("/client/assertion").isTextual()) {
          throw new CommandFault("configuration", 501, "Not supported", "client.authentication '" + method
              + "' needs client.assertion (a signed JWT): Weft does not sign assertions", step);
        }
        form.put("client_assertion_type", List.of("urn:ietf:params:oauth:client-assertion-type:jwt-bearer"));
        form.put("client_assertion", List.of(policy.at("/client/assertion").asText()));
        if (!id.isEmpty()) {
          form.put("client_id", List.of(id));
        }
      }
      default -> throw new CommandFault("configuration", 400, "Bad client authentication",
          "client.authentication '" + method + "' is not one of client_secret_basic, client_secret_post, client_secret_jwt, private_key_jwt, none", step);
    }
  }

  private URI target(String uri, String step) throws CommandFault {
    try {
      return redirects.target(URI.create(uri));
    } catch (IllegalArgumentException e) {
      throw new CommandFault("configuration", 400, "Bad authority", uri + ": " + e.getMessage(), step);
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder req, String what, String step) throws CommandFault {
    try {
      return client.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new CommandFault("communication", 503, "Service unavailable", what + ": " + HttpCaller.noAnswer(e), step);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFault("communication", 503, "Interrupted", what, step);
    }
  }

  private static String formBody(Map<String, List<String>> form) {
    List<String> pairs = new ArrayList<>();
    form.forEach((k, vs) -> vs.forEach(v -> pairs.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(v, StandardCharsets.UTF_8))));
    return String.join("&", pairs);
  }

  private static String jsonBody(Map<String, List<String>> form) {
    ObjectNode o = JSON.createObjectNode();
    form.forEach((k, vs) -> {
      if (k.equals("audience")) {
        vs.forEach(o.putArray(k)::add);
      } else {
        o.put(k, vs.getFirst());
      }
    });
    return o.toString();
  }

  private static JsonNode json(String text) {
    try {
      JsonNode n = JSON.readTree(text);
      return n == null ? JSON.missingNode() : n;
    } catch (IOException e) {
      return JSON.missingNode();
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
