package dev.weft.workflow.decide;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Run-time checks against {@code input.schema}, {@code output.schema} and {@code export.schema}
 * in the order of dsl.md's "Data Flow": workflow input.schema, then input.from; per task the
 * {@code if}, input.schema (on the raw input), input.from, the task, output.as, output.schema,
 * export.as, export.schema; workflow output.as, then output.schema.
 */
class DataSchemaTest {
  private static final String VALIDATION = "https://serverlessworkflow.io/spec/1.0.0/errors/validation";
  private static final String NEEDS_NAME = "{ format: json, document: { type: object, required: [ name ], "
      + "properties: { name: { type: string } } } }";

  @Test
  void aWorkflowInputThatBreaksItsSchemaFaultsWithTheValidationErrorNamingThePointer() {
    Driver d = new Driver("input:\n  schema: " + NEEDS_NAME + "\ndo:\n  - s: { set: { ok: true } }\n");
    JsonNode error = d.error("name: 5");
    assertThat(error.get("type").asText()).isEqualTo(VALIDATION);
    assertThat(error.get("status").asInt()).isEqualTo(400);
    assertThat(error.get("instance").asText()).isEqualTo("/");
    assertThat(error.get("detail").asText()).startsWith("the input does not match input.schema (/input/schema): /name: ")
        .contains("string");
    assertThat(error.get("errors")).hasSize(1);
    assertThat(error.at("/errors/0/pointer").asText()).isEqualTo("/name");
    assertThat(d.commands).hasSize(1);
  }

  @Test
  void aWorkflowInputThatConformsRuns() {
    Driver d = new Driver("input:\n  schema: " + NEEDS_NAME + "\ndo:\n  - s: { set: { ok: true } }\n");
    assertThat(d.output("name: rex")).isEqualTo(Driver.json("ok: true"));
  }

  @Test
  void theWorkflowInputIsValidatedBeforeInputFromTransformsIt() {
    String doc = "input:\n  schema: " + NEEDS_NAME + "\n  from: '${ { renamed: .name } }'\ndo:\n  - s: { set: '${ . }' }\n";
    assertThat(new Driver(doc).output("name: rex")).isEqualTo(Driver.json("renamed: rex"));
  }

  @Test
  void everyFailingPlaceIsNamedInTheDetailSortedByPointer() {
    Driver d = new Driver("""
        do:
          - order:
              input:
                schema:
                  document:
                    type: object
                    required: [ id ]
                    properties:
                      items: { type: array, items: { type: object, properties: { qty: { type: integer, minimum: 1 } } } }
              set: { ok: true }
        """);
    JsonNode error = d.error("items: [ { qty: 2 }, { qty: 0 }, { qty: x } ]");
    assertThat(error.get("instance").asText()).isEqualTo("/do/0/order");
    assertThat(error.get("errors")).extracting(e -> e.get("pointer").asText()).containsExactly("", "/items/1/qty", "/items/2/qty");
    assertThat(error.get("detail").asText())
        .startsWith("the input does not match input.schema (/do/0/order/input/schema): (root): ")
        .contains("; /items/1/qty: ").contains("; /items/2/qty: ");
  }

  @Test
  void aTaskInputIsValidatedRawBeforeItsInputFrom() {
    Driver d = new Driver("""
        do:
          - pick:
              input:
                schema: { document: { type: object, required: [ a ] } }
                from: '${ .a }'
              set: '${ { got: . } }'
        """);
    assertThat(d.output("a: 1")).isEqualTo(Driver.json("got: 1"));
  }

  @Test
  void aTaskSkippedByItsIfIsNotValidated() {
    String doc = """
        do:
          - maybe:
              if: '${ .go }'
              input: { schema: { document: { type: object, required: [ missing ] } } }
              set: { ran: true }
        """;
    assertThat(new Driver(doc).output("go: false")).isEqualTo(Driver.json("go: false"));
    assertThat(new Driver(doc).error("go: true").get("type").asText()).isEqualTo(VALIDATION);
  }

  @Test
  void aTaskOutputIsValidatedAfterOutputAs() {
    String task = """
        do:
          - make:
              set: { n: 5, note: hi }
              output:
                as: '${ .n }'
                schema: { document: { type: %s } }
        """;
    assertThat(new Driver(task.formatted("integer")).output("{}")).isEqualTo(Driver.json("5"));
    JsonNode error = new Driver(task.formatted("object")).error("{}");
    assertThat(error.get("instance").asText()).isEqualTo("/do/0/make");
    assertThat(error.get("detail").asText()).startsWith("the output does not match output.schema (/do/0/make/output/schema): (root): ");
  }

  @Test
  void theExportedContextIsValidated() {
    String task = """
        do:
          - remember:
              set: { id: 7 }
              export:
                as: '${ { lastId: %s } }'
                schema: { document: { type: object, properties: { lastId: { type: integer } } } }
          - use: { set: '${ $context }' }
        """;
    assertThat(new Driver(task.formatted(".id")).output("{}")).isEqualTo(Driver.json("lastId: 7"));
    JsonNode error = new Driver(task.formatted("\"seven\"")).error("{}");
    assertThat(error.get("instance").asText()).isEqualTo("/do/0/remember");
    assertThat(error.get("detail").asText())
        .startsWith("the exported context does not match export.schema (/do/0/remember/export/schema): /lastId: ");
  }

  @Test
  void theWorkflowOutputIsValidatedAfterOutputAs() {
    String doc = "output:\n  as: '${ .v }'\n  schema: { document: { type: string } }\ndo:\n  - s: { set: { v: %s } }\n";
    assertThat(new Driver(doc.formatted("ok")).output("{}")).isEqualTo(Driver.json("ok"));
    JsonNode error = new Driver(doc.formatted("3")).error("{}");
    assertThat(error.get("instance").asText()).isEqualTo("/");
    assertThat(error.get("detail").asText()).startsWith("the output does not match output.schema (/output/schema): (root): ");
  }

  @Test
  void aSchemaErrorIsCaughtByTryCatchLikeAnyOther() {
    Driver d = new Driver("""
        do:
          - guarded:
              try:
                - check:
                    input: { schema: { document: { type: object, required: [ name ] } } }
                    set: { fine: true }
              catch:
                errors: { with: { type: 'https://serverlessworkflow.io/spec/1.0.0/errors/validation', status: 400 } }
                as: problem
                do:
                  - report: { set: '${ { caught: $problem.instance, where: [ $problem.errors[].pointer ] } }' }
        """);
    assertThat(d.output("other: 1")).isEqualTo(Driver.json("{caught: /do/0/guarded/try/0/check, where: ['']}"));
  }

  @Test
  void theSchemaDialectFollowsTheFormatVersion() {
    // draft-04's exclusiveMaximum is a boolean; 2020-12 would reject the schema's shape or read it differently
    String doc = """
        do:
          - s:
              input: { schema: { format: 'json:draft-04', document: { type: number, maximum: 5, exclusiveMaximum: true } } }
              set: { ok: true }
        """;
    assertThat(new Driver(doc).output("4")).isEqualTo(Driver.json("ok: true"));
    assertThat(new Driver(doc).error("5").get("type").asText()).isEqualTo(VALIDATION);
  }

  @Test
  void theSchemaDialectFollowsTheSchemasOwnDollarSchema() {
    String doc = """
        do:
          - s:
              input:
                schema:
                  document: { $schema: 'http://json-schema.org/draft-04/schema#', type: number, maximum: 5, exclusiveMaximum: true }
              set: { ok: true }
        """;
    assertThat(new Driver(doc).output("4")).isEqualTo(Driver.json("ok: true"));
    assertThat(new Driver(doc).error("5").get("type").asText()).isEqualTo(VALIDATION);
  }

  @Test
  void anExternalSchemaResourceIsRefusedClearlyWithoutFetchingIt() {
    JsonNode error = new Driver("""
        do:
          - s:
              input: { schema: { resource: { endpoint: 'https://example.com/person.json' } } }
              set: { ok: true }
        """).error("{}");
    assertThat(error.get("status").asInt()).isEqualTo(501);
    assertThat(error.get("instance").asText()).isEqualTo("/do/0/s");
    assertThat(error.get("detail").asText()).contains("external resource is read when the runtime stores the definition").contains("/do/0/s/input/schema");
  }

  @Test
  void aRemoteRefIsNotFetched() {
    JsonNode error = new Driver("""
        do:
          - s:
              input: { schema: { document: { $ref: 'https://schemas.weft.invalid/person.json' } } }
              set: { ok: true }
        """).error("{}");
    assertThat(error.get("type").asText()).endsWith("/configuration");
    assertThat(error.get("status").asInt()).isEqualTo(400);
    assertThat(error.get("detail").asText()).contains("/do/0/s/input/schema").contains("schemas.weft.invalid");
  }

  @Test
  void anotherFormatOrAnUnknownVersionIsRefused() {
    String doc = "do:\n  - s:\n      input: { schema: { format: '%s', document: { type: object } } }\n      set: { ok: true }\n";
    assertThat(new Driver(doc.formatted("avro")).error("{}").get("detail").asText()).contains("format 'avro' is not supported");
    assertThat(new Driver(doc.formatted("json:draft-99")).error("{}").get("detail").asText())
        .contains("unknown JSON Schema version 'draft-99'");
  }
}
