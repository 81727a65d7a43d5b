package dev.weft.server.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretMaskTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String s) throws Exception {
    return JSON.readTree(s);
  }

  @Test
  void aSecretInsideAnyStringIsReplacedByAToken() throws Exception {
    SecretMask mask = SecretMask.of(json("{\"apiKey\": \"s3cr3t-value\", \"db\": {\"password\": \"pw-123456\"}}"));
    JsonNode value = json("{\"auth\": \"Bearer s3cr3t-value\", \"list\": [\"pw-123456\", 7], \"s3cr3t-value\": true}");
    JsonNode redacted = mask.redact(value);
    assertThat(redacted.toString()).doesNotContain("s3cr3t-value").doesNotContain("pw-123456")
        .contains("secret:apiKey").contains("secret:db.password");
    assertThat(mask.reveal(redacted)).isEqualTo(value);
  }

  @Test
  void aForgedTokenInTheInputIsNotRevealedAsTheSecret() throws Exception {
    SecretMask mask = SecretMask.of(json("{\"apiKey\": \"s3cr3t\"}"));
    JsonNode forged = json("{\"x\": \"\u27EAsecret:apiKey\u27EB\"}");
    assertThat(mask.reveal(mask.redact(forged))).isEqualTo(forged);
  }

  @Test
  void withoutSecretsNothingChanges() throws Exception {
    JsonNode value = json("{\"a\": \"b\"}");
    assertThat(SecretMask.none().redact(value)).isSameAs(value);
  }

  @Test
  void theEnvironmentSourceUsesUpperCaseNames() {
    SecretSource env = SecretSource.environment(Map.of("WEFT_SECRET_API_KEY", "v", "OTHER", "x"));
    assertThat(env.secret("api-key")).map(JsonNode::asText).contains("v");
    assertThat(env.secret("missing")).isEmpty();
    assertThat(SecretSource.variable("apiKey")).isEqualTo("WEFT_SECRET_APIKEY");
  }
}
