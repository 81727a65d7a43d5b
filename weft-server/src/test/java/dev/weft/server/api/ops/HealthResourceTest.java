package dev.weft.server.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.server.Http;
import dev.weft.server.QuietLibraries;
import dev.weft.server.api.ApiServer;
import dev.weft.server.api.ApiSettings;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /healthz} answers from its database probe. */
class HealthResourceTest {
  static {
    QuietLibraries.apply();
  }

  @Test
  void a_database_that_does_not_answer_makes_the_server_unhealthy_with_the_reason() {
    HealthResource health = new HealthResource(() -> {
      throw new SQLException("Connection refused\nsecond line");
    });
    try (ApiServer api = new ApiServer(ApiSettings.local(0), List.of(health), (ctx, route, ms) -> { }).start()) {
      Http.Reply r = new Http(api.port()).get("/healthz", null);
      assertThat(r.status()).isEqualTo(503);
      assertThat(r.json().path("status").asText()).isEqualTo("down");
      assertThat(r.json().path("database").asText()).isEqualTo("down: Connection refused");
    }
  }

  @Test
  void a_database_that_answers_makes_it_healthy() {
    try (ApiServer api = new ApiServer(ApiSettings.local(0), List.of(new HealthResource(() -> { })), (ctx, route, ms) -> { }).start()) {
      Http.Reply r = new Http(api.port()).get("/healthz", null);
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.json().path("status").asText()).isEqualTo("up");
    }
  }
}
