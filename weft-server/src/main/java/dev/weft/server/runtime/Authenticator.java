package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code Authorization} of an endpoint's {@code authentication} policy (already evaluated,
 * {@code use:} references resolved by the decider). {@code basic}, {@code bearer},
 * {@code oauth2} and {@code oidc} are sent with the first request; {@code digest} answers the
 * server's {@code 401} challenge. A {@code 401} to an OAuth2 token drops it from the cache and
 * the request is repeated with a fresh one. The caller repeats a request at most once.
 */
final class Authenticator {
  private final OAuthTokens tokens;
  private final Supplier<String> cnonces;

  Authenticator(OAuthTokens tokens, Supplier<String> cnonces) {
    this.tokens = tokens;
    this.cnonces = cnonces;
  }

  /** The header to send with the first request, or null (none, or digest). */
  String first(JsonNode auth, String step) throws CommandFault {
    if (auth == null || auth.isMissingNode() || auth.isNull()) {
      return null;
    }
    for (var e : auth.properties()) {
      if (e.getValue().has("use")) {
        throw new CommandFault("configuration", 501, "Not supported", "a " + e.getKey() + " policy read whole from secret '"
            + e.getValue().path("use").asText() + "' is not supported; write its fields (they may use ${ $secrets... })", step);
      }
    }
    if (auth.has("basic")) {
      return basic(auth.get("basic").path("username").asText(), auth.get("basic").path("password").asText());
    }
    if (auth.has("bearer")) {
      return "Bearer " + auth.get("bearer").path("token").asText();
    }
    if (auth.has("oauth2") || auth.has("oidc")) {
      boolean oidc = auth.has("oidc");
      return "Bearer " + tokens.token(auth.get(oidc ? "oidc" : "oauth2"), oidc, step);
    }
    if (auth.has("digest")) {
      return null;
    }
    String scheme = auth.properties().stream().map(Map.Entry::getKey).findFirst().orElse("(none)");
    throw new CommandFault("configuration", 501, "Not supported", "authentication '" + scheme
        + "' is not supported; Weft sends basic, bearer, digest, oauth2 and oidc", step);
  }

  /**
   * The header to repeat the request with after a {@code 401}, or null when it is final.
   *
   * @param sent the {@code Authorization} the refused request carried (null if none)
   * @param body the request's entity body as sent (empty for none), for digest {@code qop=auth-int}
   */
  String retry(JsonNode auth, HttpResponse<?> refused, String sent, String method, URI uri, byte[] body, String step)
      throws CommandFault {
    if (auth == null || refused.statusCode() != 401) {
      return null;
    }
    if (auth.has("digest") && sent == null) {
      var challenges = refused.headers().allValues("WWW-Authenticate");
      var challenge = DigestAuthorization.strongest(challenges).orElseThrow(() -> new CommandFault("authentication", 401,
          "Digest authentication failed", method + " " + uri + ": " + DigestAuthorization.unanswerable(challenges), step));
      String requestUri = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
          + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      JsonNode d = auth.get("digest");
      return DigestAuthorization.answer(challenge, d.path("username").asText(), d.path("password").asText(),
          method, requestUri, cnonces.get(), body);
    }
    if ((auth.has("oauth2") || auth.has("oidc")) && sent != null) {
      boolean oidc = auth.has("oidc");
      tokens.forget(auth.get(oidc ? "oidc" : "oauth2"), oidc);
      return "Bearer " + tokens.token(auth.get(oidc ? "oidc" : "oauth2"), oidc, step);
    }
    return null;
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
