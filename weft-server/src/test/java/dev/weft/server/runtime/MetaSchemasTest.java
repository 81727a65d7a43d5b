package dev.weft.server.runtime;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** A fetched schema is checked against the meta-schema of its draft, shipped with the validator. */
class MetaSchemasTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aSchemaOfEachDraftIsCheckedAgainstItsOwnMetaSchema() throws Exception {
    assertThatCode(() -> MetaSchemas.check("json", JSON.readTree("{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}}}")))
        .doesNotThrowAnyException();
    assertThatCode(() -> MetaSchemas.check("json", JSON.readTree(
        "{\"$schema\": \"http://json-schema.org/draft-07/schema#\", \"definitions\": {\"x\": {\"type\": \"integer\"}}}")))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> MetaSchemas.check("json:draft-07", JSON.readTree("{\"required\": \"id\"}")))
        .hasMessageContaining("draft-07").hasMessageContaining("required");
    assertThatThrownBy(() -> MetaSchemas.check("json", JSON.readTree("{\"type\": 12}")))
        .hasMessageContaining("not a valid JSON Schema");
  }
}
