package dev.weft.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/** The http request built for an OpenAPI operation, Swagger 2.0 and OpenAPI 3. */
class OpenApiRequestTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static JsonNode yaml(String s) throws Exception {
    return YAML.readTree(s);
  }

  private static final String SWAGGER = """
      swagger: '2.0'
      host: api.example.org
      basePath: /v1/
      schemes: [http, https]
      paths:
        /pets/{petId}:
          parameters:
            - { name: petId, in: path, required: true, type: integer }
          put:
            operationId: updatePet
            parameters:
              - { name: X-Request-Id, in: header, type: string }
              - { name: pet, in: body, required: true, schema: { type: object } }
              - { $ref: '#/parameters/dryRun' }
      parameters:
        dryRun: { name: dryRun, in: query, type: boolean }
      """;

  private static final String OPENAPI3 = """
      openapi: 3.0.3
      servers: [ { url: /api/v3 } ]
      paths:
        /pets:
          post:
            operationId: addPet
            parameters: [ { name: tag, in: query } ]
            requestBody: { content: { application/json: { schema: { type: object } } } }
      """;

  @Test
  void swaggerOperationsTakePathHeaderBodyAndReferencedQueryParameters() throws Exception {
    JsonNode req = OpenApiRequest.build(yaml(SWAGGER), "https://docs.example.org/swagger.yaml", yaml("""
        operationId: updatePet
        parameters: { petId: 7, X-Request-Id: r1, pet: { name: rex }, dryRun: true }
        output: response
        authentication: { bearer: { token: t } }
        """), "/do/0/up");
    assertThat(req).isEqualTo(yaml("""
        method: put
        endpoint:
          uri: https://api.example.org/v1/pets/7
          authentication: { bearer: { token: t } }
        query: { dryRun: true }
        headers: { X-Request-Id: r1 }
        body: { name: rex }
        output: response
        """));
  }

  @Test
  void openApi3UsesTheFirstServerResolvedAgainstTheDocumentAndTheRestAsBody() throws Exception {
    JsonNode req = OpenApiRequest.build(yaml(OPENAPI3), "http://127.0.0.1:8080/openapi.json",
        yaml("{ operationId: addPet, parameters: { tag: dogs, name: rex, status: available } }"), "/do/0/add");
    assertThat(req.at("/endpoint/uri").asText()).isEqualTo("http://127.0.0.1:8080/api/v3/pets");
    assertThat(req.path("query")).isEqualTo(yaml("tag: dogs"));
    assertThat(req.path("body")).isEqualTo(yaml("{ name: rex, status: available }"));
    assertThat(req.path("output").asText()).isEqualTo("content");
  }

  @Test
  void aMissingRequiredParameterOrUnknownOperationIsAConfigurationFault() throws Exception {
    assertThatThrownBy(() -> OpenApiRequest.build(yaml(SWAGGER), "https://d/s.yaml",
        yaml("{ operationId: updatePet, parameters: { pet: {} } }"), "/do/0/up"))
        .isInstanceOf(CommandFault.class).hasMessageContaining("needs parameter 'petId' (in path)");
    assertThatThrownBy(() -> OpenApiRequest.build(yaml(SWAGGER), "https://d/s.yaml",
        yaml("{ operationId: nope }"), "/do/0/up"))
        .isInstanceOf(CommandFault.class).hasMessageContaining("no operation with operationId 'nope'");
  }
}
