package dev.weft.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.workflow.decide.Errors;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The I/O-free parts of {@code call: a2a}: the JSON-RPC request, the card's endpoint, answers and event streams. */
class A2aRpcTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void theRequestIsJsonRpcAndAMessageGetsItsDefaults() throws Exception {
    JsonNode r = A2aRpc.request("c-1", "message/stream", json("{\"message\":{\"parts\":[]}}"), "/do/0/a");
    assertThat(r).isEqualTo(json("""
        {"jsonrpc":"2.0","id":"c-1","method":"message/stream",
         "params":{"message":{"parts":[],"messageId":"%s","role":"user"}}}"""
        .formatted(UUID.nameUUIDFromBytes("c-1".getBytes(StandardCharsets.UTF_8)))));
    assertThat(A2aRpc.request("c-1", "tasks/get", json("{\"message\":{}}"), "/s").at("/params/message"))
        .as("only the message methods default").isEqualTo(json("{}"));
    assertThat(A2aRpc.request("c-1", "tasks/list", null, "/s").has("params")).isFalse();
  }

  @Test
  void parametersThatAreNoObjectAreAConfigurationFault() {
    CommandFault f = catchThrowableOfType(CommandFault.class,
        () -> A2aRpc.request("c", "tasks/get", json("\"t-1\""), "/do/0/a"));
    assertThat(f.error().path("type").asText()).isEqualTo(Errors.BASE + "configuration");
    assertThat(f.error().path("instance").asText()).isEqualTo("/do/0/a/with/parameters");
  }

  @Test
  void theCardsEndpointIsItsUrlResolvedOrItsJsonRpcInterface() throws Exception {
    assertThat(A2aRpc.endpoint(json("{\"url\":\"rpc/v1\"}"), "http://h/agents/card.json", "/p"))
        .isEqualTo("http://h/agents/rpc/v1");
    assertThat(A2aRpc.endpoint(json("""
        {"url":"http://h/grpc","preferredTransport":"GRPC",
         "additionalInterfaces":[{"url":"http://h/grpc","transport":"GRPC"},{"url":"http://h/jsonrpc","transport":"JSONRPC"}]}"""),
        "http://h/card", "/p")).isEqualTo("http://h/jsonrpc");
    CommandFault none = catchThrowableOfType(CommandFault.class,
        () -> A2aRpc.endpoint(json("{\"url\":\"http://h/grpc\",\"preferredTransport\":\"GRPC\"}"), "http://h/card", "/p"));
    assertThat(none.error().path("detail").asText()).contains("JSONRPC");
    CommandFault noUrl = catchThrowableOfType(CommandFault.class, () -> A2aRpc.endpoint(json("{}"), "http://h/card", "/p"));
    assertThat(noUrl.error().path("status").asInt()).isEqualTo(400);
    assertThat(noUrl.error().path("instance").asText()).isEqualTo("/p");
  }

  @Test
  void anEventStreamIsReadAsTheHtmlStandardSays() {
    String stream = ": comment\r\nevent: message\r\ndata: one\r\n\r\ndata:two\ndata:  three\n\nid: 4\n\n"
        + "retry: 10\rdata\r\rdata: last";
    assertThat(SseEvents.data(stream)).containsExactly("one", "two\n three", "", "last");
  }

  @Test
  void theOutputIsTheResultOrTheResultsOfTheEvents() throws Exception {
    var plain = new HttpCaller.Reply(200, "application/json", "{\"jsonrpc\":\"2.0\",\"id\":\"1\",\"result\":{\"a\":1}}");
    assertThat(A2aRpc.output(plain, "tasks/get", "w", "/s")).isEqualTo(json("{\"a\":1}"));
    assertThat(A2aRpc.output(plain, "tasks/resubscribe", "w", "/s")).isEqualTo(json("[{\"a\":1}]"));
    var events = new HttpCaller.Reply(200, "text/event-stream; charset=utf-8",
        "data: {\"jsonrpc\":\"2.0\",\"id\":\"1\",\"result\":1}\n\ndata: {\"jsonrpc\":\"2.0\",\"id\":\"1\",\"result\":2}\n\n");
    assertThat(A2aRpc.output(events, "message/stream", "w", "/s")).isEqualTo(json("[1,2]"));
  }

  @Test
  void errorsAndBadAnswersAreRuntimeFaults() {
    var refused = new HttpCaller.Reply(400, "application/json",
        "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error\"}}");
    CommandFault f = catchThrowableOfType(CommandFault.class, () -> A2aRpc.output(refused, "tasks/get", "tasks/get http://h", "/s"));
    assertThat(f.error().path("type").asText()).isEqualTo(Errors.BASE + "runtime");
    assertThat(f.error().path("status").asInt()).isEqualTo(400);
    assertThat(f.error().path("detail").asText()).contains("-32700").contains("Parse error");
    var garbage = new HttpCaller.Reply(200, "text/html", "<html>");
    CommandFault g = catchThrowableOfType(CommandFault.class, () -> A2aRpc.output(garbage, "tasks/get", "w", "/s"));
    assertThat(g.error().path("type").asText()).isEqualTo(Errors.BASE + "runtime");
    assertThat(g.error().path("status").asInt()).isEqualTo(502);
    var neither = new HttpCaller.Reply(200, "application/json", "{\"jsonrpc\":\"2.0\",\"id\":\"1\"}");
    assertThat(catchThrowableOfType(CommandFault.class, () -> A2aRpc.output(neither, "tasks/get", "w", "/s"))
        .error().path("status").asInt()).isEqualTo(502);
  }
}
