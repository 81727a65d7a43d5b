package dev.weft.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.server.Http;
import dev.weft.server.QuietLibraries;
import dev.weft.store.StoreUnavailableException;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * A request that finds the database away is answered 503 with a problem detail and Retry-After,
 * not 500 and no stack trace; once the store answers again so does the route. (The store throws
 * {@link StoreUnavailableException} for a lost database: PostgresLostConnectionTest in weft-store;
 * the whole restart: PostgresRestartEndToEndTest in weft-cli.)
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DatabaseAwayTest {
  static {
    QuietLibraries.apply();
  }

  @Test
  void a_request_while_the_database_is_away_gets_503_with_a_problem_detail_and_retry_after() {
    AtomicBoolean away = new AtomicBoolean(true);
    ApiResource store = routes -> routes.add(new ApiRoute(HandlerType.GET, "/api/v1/things", Access.PUBLIC, "things",
        List.of(), null, Map.of(200, "the things"), ctx -> {
          if (away.get()) {
            throw new StoreUnavailableException("database unavailable: no database connection: Connection refused", null);
          }
          Replies.json(ctx, 200, Map.of("things", List.of()));
        }));
    try (ApiServer api = new ApiServer(ApiSettings.local(0), List.of(store), (ctx, route, ms) -> { }).start()) {
      Http http = new Http(api.port());
      Http.Reply r = http.get("/api/v1/things", null);
      assertThat(r.status()).isEqualTo(503);
      assertThat(r.contentType()).startsWith(Problem.MEDIA_TYPE);
      assertThat(r.header("Retry-After")).isEqualTo("1");
      assertThat(r.json().path("status").asInt()).isEqualTo(503);
      assertThat(r.json().path("title").asText()).isEqualTo("Service unavailable");
      assertThat(r.json().path("detail").asText()).startsWith("the database is unavailable");
      assertThat(r.json().path("instance").asText()).isEqualTo("/api/v1/things");
      away.set(false);
      assertThat(http.get("/api/v1/things", null).status()).isEqualTo(200);
    }
  }
}
