package dev.weft.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The stand-ins answer on loopback the way petstore.swagger.io and httpbin.org do, reached through the host redirects. */
class StubServersTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static StubServers stubs;

  @BeforeAll
  static void start() throws Exception {
    stubs = StubServers.start();
  }

  @AfterAll
  static void stop() {
    stubs.close();
  }

  private static HttpResponse<String> get(String realUri, String authorization) throws Exception {
    URI target = stubs.redirects().target(URI.create(realUri));
    HttpRequest.Builder b = HttpRequest.newBuilder(target);
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theRealHostsAreRedirectedToLoopbackOverHttp() {
    URI target = stubs.redirects().target(URI.create("https://petstore.swagger.io/v2/pet/1?x=1"));
    assertThat(target.getScheme()).isEqualTo("http");
    assertThat(target.getHost()).isEqualTo("127.0.0.1");
    assertThat(target.getRawPath()).isEqualTo("/v2/pet/1");
    assertThat(target.getRawQuery()).isEqualTo("x=1");
    assertThat(stubs.redirects().target(URI.create("https://example.org/a"))).isEqualTo(URI.create("https://example.org/a"));
  }

  @Test
  void petstoreFindsPetsByIdAndStatusAndServesItsSwaggerDocument() throws Exception {
    JsonNode pet = JSON.readTree(get("https://petstore.swagger.io/v2/pet/1", null).body());
    assertThat(pet.path("id").asInt()).isEqualTo(1);
    assertThat(pet.path("name").isTextual()).isTrue();
    JsonNode available = JSON.readTree(get("https://petstore.swagger.io/v2/pet/findByStatus?status=available", null).body());
    assertThat(available).isNotEmpty().allSatisfy(p -> assertThat(p.path("status").asText()).isEqualTo("available"));
    HttpResponse<String> missing = get("https://petstore.swagger.io/v2/pet/getPetByName/Milou", null);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(get("https://petstore.swagger.io/v2/pet/999999", null).statusCode()).isEqualTo(404);
    JsonNode doc = JSON.readTree(get("https://petstore.swagger.io/v2/swagger.json", null).body());
    assertThat(doc.path("swagger").asText()).isEqualTo("2.0");
    assertThat(doc.at("/paths/~1pet~1{petId}/get/operationId").asText()).isEqualTo("getPetById");
  }

  @Test
  void httpbinChecksBasicAndBearerCredentialsAndAnswersAnyStatus() throws Exception {
    String good = "Basic " + Base64.getEncoder().encodeToString("user:pw".getBytes());
    HttpResponse<String> ok = get("https://httpbin.org/basic-auth/user/pw", good);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(ok.body()).path("authenticated").asBoolean()).isTrue();
    HttpResponse<String> refused = get("https://httpbin.org/basic-auth/user/other", good);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("WWW-Authenticate")).isPresent();
    assertThat(get("https://httpbin.org/bearer", "Bearer abc").body()).contains("\"token\":\"abc\"");
    assertThat(get("https://httpbin.org/bearer", null).statusCode()).isEqualTo(401);
    assertThat(get("https://httpbin.org/status/418", null).statusCode()).isEqualTo(418);
    JsonNode echo = JSON.readTree(get("https://httpbin.org/get?a=1&a=2&b=x", null).body());
    assertThat(echo.path("args").path("a")).hasSize(2);
    assertThat(echo.path("args").path("b").asText()).isEqualTo("x");
  }
}
