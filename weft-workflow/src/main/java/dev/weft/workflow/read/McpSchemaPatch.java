package dev.weft.workflow.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * DSL 1.0.3's {@code call: mcp} (a Model Context Protocol call), which the newest published schema
 * artifact (DSL 1.0.1) does not have: its form is written into the call task's {@code oneOf} before
 * the named-function form, and {@code mcp} is taken out of the names a function may have, so a
 * misspelt MCP call is refused where it is written rather than read as a call of a function named
 * {@code mcp}. The form is 1.0.3's, except that the client's {@code version} is declared (1.0.3
 * requires it but declares a {@code description} in its place, a slip of that schema).
 */
final class McpSchemaPatch {
  private static final String CALL_MCP = """
      title: CallMCP
      description: Defines the MCP call to perform.
      type: object
      unevaluatedProperties: false
      required: [ call, with ]
      allOf:
      - $ref: '#/$defs/taskBase'
      - properties:
          call: { type: string, const: mcp }
          with:
            type: object
            title: MCPArguments
            unevaluatedProperties: false
            required: [ method, transport ]
            properties:
              protocolVersion: { type: string, default: '2025-06-18', title: McpProtocolVersion }
              method:
                type: string
                title: McpMethod
                enum: [ tools/list, tools/call, prompts/list, prompts/get, resources/list, resources/read,
                        resources/templates/list ]
              parameters:
                title: McpMethodParameters
                oneOf: [ { type: object, additionalProperties: true }, { type: string } ]
              timeout: { $ref: '#/$defs/duration', title: McpCallTimeout }
              transport:
                type: object
                title: McpCallTransport
                unevaluatedProperties: false
                oneOf: [ { required: [ http ] }, { required: [ stdio ] } ]
                properties:
                  http:
                    type: object
                    title: McpHttpTransport
                    unevaluatedProperties: false
                    required: [ endpoint ]
                    properties:
                      endpoint: { $ref: '#/$defs/endpoint', title: McpHttpTransportEndpoint }
                      headers: { type: object, additionalProperties: { type: string }, title: McpHttpTransportHeaders }
                  stdio:
                    type: object
                    title: McpStdioTransport
                    unevaluatedProperties: false
                    required: [ command ]
                    properties:
                      command: { type: string, title: McpStdioTransportCommand }
                      arguments: { type: array, items: { type: string }, title: McpStdioTransportArguments }
                      environment: { type: object, additionalProperties: { type: string }, title: McpStdioTransportEnvironment }
                  options: { type: object, additionalProperties: { type: string } }
              client:
                type: object
                title: McpClient
                unevaluatedProperties: false
                required: [ name, version ]
                properties:
                  name: { type: string, title: McpClientName }
                  version: { type: string, title: McpClientVersion }
      """;

  private McpSchemaPatch() {}

  /** Patches {@code schema} in place; returns how many call-task forms it wrote (1 for the DSL's schema). */
  static int apply(JsonNode schema) {
    JsonNode callTask = schema.path("$defs").path("callTask");
    if (!(callTask.get("oneOf") instanceof ArrayNode forms)) {
      return 0;
    }
    for (int i = 0; i < forms.size(); i++) {
      if (forms.get(i).path("title").asText().equals("CallFunction")
          && forms.get(i).at("/allOf/1/properties/call/not/enum") instanceof ArrayNode reserved) {
        reserved.add("mcp");
        forms.insert(i, form());
        return 1;
      }
    }
    return 0;
  }

  private static ObjectNode form() {
    try {
      return (ObjectNode) new YAMLMapper().readTree(CALL_MCP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("McpSchemaPatch's own form does not parse", e);
    }
  }
}
