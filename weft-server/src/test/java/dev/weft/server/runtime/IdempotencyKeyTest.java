package dev.weft.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.store.Database;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every http call and shell command is given the command's deterministic id as its idempotency key. */
class IdempotencyKeyTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private static String call(String base, String headers) {
    return """
        document:
          dsl: '1.0.0'
          namespace: test
          name: keyed
          version: '0.1.0'
        do:
          - charge:
              call: http
              with:
                method: post
                endpoint: %s/charge
                body:
                  order: 1
        %s""".formatted(base, headers);
  }

  @Test
  void anHttpCallCarriesItsCommandIdAsIdempotencyKey() throws Exception {
    try (CountingService service = new CountingService(0); Database db = TestDb.H2.place(dir).open()) {
      WorkflowRuntime rt = new WorkflowRuntime(db, new FakeClock(1000), () -> "inst-1", Duration.ofSeconds(5));
      assertThat(rt.run(call(service.base(), ""), JSON.createObjectNode(), "k").completed()).isTrue();
      assertThat(service.byKey).containsOnlyKeys("inst-1/do/0/charge@1");
    }
  }

  @Test
  void aKeyTheTaskSetsItselfIsSentInstead() throws Exception {
    String ownKey = """
                headers:
                  Idempotency-Key: mine-1
        """;
    try (CountingService service = new CountingService(0); Database db = TestDb.H2.place(dir).open()) {
      WorkflowRuntime rt = new WorkflowRuntime(db, new FakeClock(1000), () -> "inst-1", Duration.ofSeconds(5));
      assertThat(rt.run(call(service.base(), ownKey), JSON.createObjectNode(), "k").completed()).isTrue();
      assertThat(service.byKey).containsOnlyKeys("mine-1");
      assertThat(service.requests.get()).isEqualTo(1);
    }
  }

  @Test
  void aShellCommandFindsItsCommandIdInItsEnvironment() {
    String text = """
        document:
          dsl: '1.0.0'
          namespace: test
          name: keyed-shell
          version: '0.1.0'
        do:
          - script:
              run:
                shell:
                  command: printf %s "$WEFT_IDEMPOTENCY_KEY"
        """;
    try (Database db = TestDb.H2.place(dir).open()) {
      WorkflowRuntime rt = new WorkflowRuntime(db, new FakeClock(1000), () -> "inst-2", Duration.ofSeconds(5));
      assertThat(rt.run(text, JSON.createObjectNode(), "k").output().asText()).isEqualTo("inst-2/do/0/script@1");
    }
  }
}
