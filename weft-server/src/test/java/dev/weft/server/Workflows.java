package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Documents the API tests store, and waiting for an instance to end. */
public final class Workflows {
  public static final String SQUARE = """
      document:
        dsl: '1.0.0'
        namespace: api-test
        name: square
        version: '0.1.0'
      do:
        - compute:
            call: square
            with:
              x: ${ .n }
        - wrap:
            set:
              squared: ${ . }
      """;

  public static final String RAISE = """
      document:
        dsl: '1.0.0'
        namespace: api-test
        name: raise
        version: '0.1.0'
      do:
        - fail:
            raise:
              error:
                type: https://example.com/errors/nope
                status: 418
                title: Nope
      """;

  private Workflows() {}

  /** Polls the instance until it has ended; fails the test after a minute (a liveness bound, not a speed check). */
  public static JsonNode awaitEnd(Http http, String token, String id) {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (true) {
      Http.Reply r = http.get("/api/v1/instances/" + id, token);
      assertThat(r.status()).as(r.text()).isEqualTo(200);
      String status = r.json().path("status").asText();
      if (status.equals("COMPLETED") || status.equals("FAILED") || status.equals("CANCELLED")) {
        return r.json();
      }
      assertThat(System.nanoTime()).as("instance %s still %s after a minute", id, status).isLessThan(deadline);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
