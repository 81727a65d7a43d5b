package dev.weft.workflow.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks of authentication policies that the DSL's JSON Schema leaves open: an {@code oauth2}
 * or {@code oidc} policy needs an {@code authority} (the schema checks it is a URI) and a {@code grant}; the
 * {@code password} grant needs {@code username} and {@code password}; a client authenticated
 * by secret needs {@code client.id} and {@code client.secret}, one authenticated by JWT needs
 * {@code client.assertion}; {@code authentication: {use: NAME}} must name an entry of
 * {@code use.authentications}. Policies are those of {@code use.authentications} and every
 * {@code authentication} of the document.
 */
final class AuthenticationCheck {
  private final JsonNode document;
  private final List<Problem> problems = new ArrayList<>();

  private AuthenticationCheck(JsonNode document) {
    this.document = document;
  }

  static List<Problem> check(JsonNode document) {
    AuthenticationCheck c = new AuthenticationCheck(document);
    document.at("/use/authentications").properties().forEach(e ->
        c.policy(e.getValue(), "/use/authentications/" + SemanticCheck.escape(e.getKey())));
    c.walk(document.get("do"), "/do");
    return c.problems;
  }

  private void walk(JsonNode node, String pointer) {
    if (node == null) {
      return;
    }
    if (node.isObject()) {
      for (var e : node.properties()) {
        String at = pointer + "/" + SemanticCheck.escape(e.getKey());
        if (e.getKey().equals("authentication") && e.getValue().isObject()) {
          policyOrReference(e.getValue(), at);
        } else if (!e.getKey().equals("set") && !e.getKey().equals("body")) {
          walk(e.getValue(), at);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), pointer + "/" + i);
      }
    }
  }

  private void policyOrReference(JsonNode auth, String at) {
    JsonNode use = auth.get("use");
    if (use != null && use.isTextual()) {
      if (!document.at("/use/authentications").has(use.asText())) {
        problems.add(new Problem(at + "/use", "names no entry of use.authentications: '" + use.asText() + "'"));
      }
      return;
    }
    policy(auth, at);
  }

  private void policy(JsonNode auth, String at) {
    for (String scheme : List.of("oauth2", "oidc")) {
      JsonNode p = auth.get(scheme);
      if (p != null && p.isObject() && !p.has("use")) {
        oauth2(p, at + "/" + scheme, scheme);
      }
    }
  }

  private void oauth2(JsonNode p, String at, String scheme) {
    JsonNode authority = p.get("authority");
    if (authority == null || !authority.isTextual()) {
      problems.add(new Problem(at, scheme + " needs 'authority', the URI of the authorization server"));
    }
    if (!p.has("grant")) {
      problems.add(new Problem(at, scheme + " needs 'grant' (e.g. client_credentials)"));
    }
    if ("password".equals(p.path("grant").asText())) {
      for (String field : List.of("username", "password")) {
        if (!p.has(field)) {
          problems.add(new Problem(at, "the password grant needs '" + field + "'"));
        }
      }
    }
    String method = p.at("/client/authentication").asText("client_secret_post");
    List<String> needed = switch (method) {
      case "client_secret_basic", "client_secret_post" -> List.of("id", "secret");
      case "client_secret_jwt", "private_key_jwt" -> List.of("assertion");
      default -> List.of();
    };
    for (String field : needed) {
      if (!p.path("client").has(field)) {
        problems.add(new Problem(at + (p.has("client") ? "/client" : ""),
            "client authentication '" + method + "' needs client." + field));
      }
    }
  }
}
