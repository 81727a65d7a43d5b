package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.cli.conformance.StubServers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code weft run --http-hosts}: the workflow names the real host, the call goes to the stand-in on loopback. */
class RunWithHttpHostsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private Path workflow() throws Exception {
    return Files.writeString(dir.resolve("pet.yaml"), """
        document: { dsl: '1.0.0', namespace: test, name: pet, version: '1.0.0' }
        do:
          - getPet:
              call: http
              with: { method: get, endpoint: 'https://petstore.swagger.io/v2/pet/{petId}' }
              output: { as: '${ { name } }' }
        """);
  }

  @Test
  void aRedirectedHostIsAnsweredByItsStandIn() throws Exception {
    try (StubServers stubs = StubServers.start()) {
      String address = stubs.redirects().hosts().get("petstore.swagger.io");
      WeftRun r = WeftRun.of("run", workflow().toString(), "--input", "{\"petId\": 1}",
          "--db", "jdbc:h2:file:" + dir.resolve("weft").toAbsolutePath(), "--http-hosts", "petstore.swagger.io=" + address);
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(JSON.readTree(r.out()).path("name").asText()).isEqualTo("doggie");
    }
  }

  @Test
  void aMalformedRedirectIsAUsageError() throws Exception {
    WeftRun r = WeftRun.of("run", workflow().toString(), "--http-hosts", "petstore.swagger.io");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--http-hosts: host redirect 'petstore.swagger.io' is not host=address");
  }
}
