package dev.weft.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Tokens are kept per client, grant, user and scopes until shortly before they expire (time moved by hand). */
class OAuthTokensTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aTokenIsReusedUntilShortlyBeforeItExpiresAndKeptPerScopes() throws Exception {
    try (AuthServer server = new AuthServer()) {
      server.expiresIn = 300; // replaced 30 s (the margin) before it expires: at 270 s
      AtomicLong now = new AtomicLong(1_000_000);
      OAuthTokens tokens = new OAuthTokens(HttpClient.newHttpClient(), Duration.ofSeconds(20), HostRedirects.NONE, now::get);
      JsonNode read = policy(server, "[\"read\"]");
      String first = tokens.token(read, false, "/do/0/t");
      now.addAndGet(269_000);
      assertThat(tokens.token(read, false, "/do/0/t")).isEqualTo(first);
      assertThat(tokens.token(policy(server, "[\"write\"]"), false, "/do/0/t")).as("other scopes, other token").isNotEqualTo(first);
      now.addAndGet(2_000);
      assertThat(tokens.token(read, false, "/do/0/t")).isNotEqualTo(first);
      assertThat(server.tokenRequests).hasSize(3);
    }
  }

  @Test
  void aShortLivedTokenIsReplacedATenthOfItsLifeBeforeItExpires() throws Exception {
    try (AuthServer server = new AuthServer()) {
      server.expiresIn = 60;
      AtomicLong now = new AtomicLong(0);
      OAuthTokens tokens = new OAuthTokens(HttpClient.newHttpClient(), Duration.ofSeconds(20), HostRedirects.NONE, now::get);
      String first = tokens.token(policy(server, "[]"), false, "/do/0/t");
      now.set(53_999);
      assertThat(tokens.token(policy(server, "[]"), false, "/do/0/t")).isEqualTo(first);
      now.set(54_000);
      assertThat(tokens.token(policy(server, "[]"), false, "/do/0/t")).isNotEqualTo(first);
    }
  }

  @Test
  void theTokenEndpointIsTheAuthorityJoinedWithTheRelativePath() throws Exception {
    assertThat(OAuthTokens.tokenEndpoint(JSON.readTree("{\"authority\": \"http://kc/realms/x/\"}")))
        .isEqualTo("http://kc/realms/x/oauth2/token");
    assertThat(OAuthTokens.tokenEndpoint(JSON.readTree("{\"authority\": \"http://kc/realms/x\", \"endpoints\": {\"token\": \"protocol/token\"}}")))
        .isEqualTo("http://kc/realms/x/protocol/token");
    assertThat(OAuthTokens.tokenEndpoint(JSON.readTree("{\"authority\": \"http://kc\", \"endpoints\": {\"token\": \"https://auth/t\"}}")))
        .isEqualTo("https://auth/t");
  }

  private static JsonNode policy(AuthServer server, String scopes) throws Exception {
    return JSON.readTree("{\"authority\": \"" + server.base() + "\", \"grant\": \"client_credentials\", \"scopes\": " + scopes
        + ", \"client\": {\"id\": \"app\", \"secret\": \"s3cr3t\", \"authentication\": \"client_secret_basic\"}}");
  }
}
