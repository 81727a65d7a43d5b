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
  void aTokenWhoseSecretTheMaskLacksIsNamedAsUnknown() throws Exception {
    SecretMask full = SecretMask.of(json("{\"token\": \"t0k\", \"other\": \"o7\"}"));
    String masked = full.redact("curl -H t0k o7 \u27EA");
    assertThat(masked).doesNotContain("t0k").doesNotContain("o7");
    SecretMask partial = SecretMask.of(json("{\"other\": \"o7\"}"));
    assertThat(partial.unknownIn(masked)).containsExactly("token");
    assertThat(full.unknownIn(masked)).isEmpty();
    assertThat(full.reveal(masked)).isEqualTo("curl -H t0k o7 \u27EA");
  }

  @Test
  void hiddenBytesKeepTheirLengthAndLoseEveryOccurrence() throws Exception {
    SecretMask mask = SecretMask.of(json("{\"token\": \"s3cr3t\", \"pw\": \"p\u00e4ss\"}"));
    byte[] data = "a s3cr3ts3cr3t b p\u00e4ss s3cr".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] hidden = mask.hide(data);
    assertThat(hidden).hasSameSizeAs(data);
    assertThat(new String(hidden, java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("a ************ b ***** s3cr");
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
