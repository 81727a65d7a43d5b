package dev.weft.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.weft.server.secrets.SecretSource;
import dev.weft.store.Database;
import dev.weft.store.InstanceStatus;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A secret used in an http call's authentication and copied into the output reaches the server
 * and the caller, yet no table of the database holds its value afterwards.
 */
class SecretsNotPersistedTest {
  private static final String SECRET = "tk-5f1e0c7a9b2d-very-secret";

  @TempDir
  Path dir;

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void noTableHoldsTheSecretAfterARun(TestDb db) throws Exception {
    TestDb.Place place = db.place(dir);
    try (LocalHttp http = new LocalHttp()) {
      String text = """
          document: { dsl: '1.0.0', namespace: test, name: secretive, version: '0.1.0' }
          use: { secrets: [apiKey] }
          do:
            - call:
                call: http
                with:
                  method: post
                  endpoint:
                    uri: %s/echo
                    authentication: { bearer: { token: '${ $secrets.apiKey }' } }
                  body: { note: '${ "key is " + $secrets.apiKey }' }
            - pause:
                wait: PT1S
            - copy:
                set: { echoed: '${ .note }', direct: '${ $secrets.apiKey }' }
          """.formatted(http.base());
      RunResult r;
      try (Database d = place.open()) {
        WorkflowRuntime rt = new WorkflowRuntime(d, new FakeClock(1000), () -> "s1", Duration.ofSeconds(5),
            SecretSource.of(Map.of("apiKey", TextNode.valueOf(SECRET))));
        r = rt.run(text, new ObjectMapper().createObjectNode(), "k1");
      }
      assertThat(r.status()).isEqualTo(InstanceStatus.COMPLETED);
      assertThat(http.seen.getFirst().authorization()).isEqualTo("Bearer " + SECRET);
      assertThat(r.output().path("direct").asText()).as("copying a secret into output is the author's choice").isEqualTo(SECRET);
      assertThat(r.output().path("echoed").asText()).isEqualTo("key is " + SECRET);
      List<String> scanned = new ArrayList<>();
      assertThat(cellsHolding(place.url(), SECRET, scanned)).as("cells holding the secret").isEmpty();
      assertThat(scanned).as("tables scanned").anyMatch(t -> t.equalsIgnoreCase("weft_instance"))
          .anyMatch(t -> t.equalsIgnoreCase("weft_event")).anyMatch(t -> t.equalsIgnoreCase("weft_command")).anyMatch(t -> t.equalsIgnoreCase("weft_timer"));
    } finally {
      place.dispose().run();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDb.class)
  void neitherAnOAuth2ClientSecretNorTheTokenItGotIsStored(TestDb db) throws Exception {
    TestDb.Place place = db.place(dir);
    try (AuthServer auth = new AuthServer()) {
      auth.clientSecret = SECRET;
      String text = """
          document: { dsl: '1.0.0', namespace: test, name: oauth-secretive, version: '0.1.0' }
          use:
            secrets: [clientSecret]
            authentications:
              api:
                oauth2: { authority: '%s', grant: client_credentials, client: { id: app, secret: '${ $secrets.clientSecret }' } }
          do:
            - call:
                call: http
                with:
                  method: get
                  endpoint: { uri: '%s/api/x', authentication: { use: api } }
                  output: response
          """.formatted(auth.base(), auth.base());
      RunResult r;
      try (Database d = place.open()) {
        WorkflowRuntime rt = new WorkflowRuntime(d, new FakeClock(1000), () -> "o1", Duration.ofSeconds(5),
            SecretSource.of(Map.of("clientSecret", TextNode.valueOf(SECRET))));
        r = rt.run(text, new ObjectMapper().createObjectNode(), "k1");
      }
      assertThat(r.status()).as("%s", r.error()).isEqualTo(InstanceStatus.COMPLETED);
      assertThat(auth.tokenRequests).singleElement().satisfies(t -> assertThat(t.form().get("client_secret")).containsExactly(SECRET));
      String token = auth.issued.iterator().next();
      assertThat(cellsHolding(place.url(), SECRET, new ArrayList<>())).as("cells holding the client secret").isEmpty();
      assertThat(cellsHolding(place.url(), token, new ArrayList<>())).as("cells holding the access token").isEmpty();
    } finally {
      place.dispose().run();
    }
  }

  /** Every cell, of every table of the test's schema , whose text contains {@code value}. */
  private static List<String> cellsHolding(String url, String value, List<String> scanned) throws SQLException {
    List<String> found = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(dev.weft.store.jdbc.Dialect.of(url).prepare(url))) {
      List<String> tables = new ArrayList<>();
      String schema = c.getSchema();
      try (ResultSet t = c.getMetaData().getTables(null, null, "%", null)) {
        while (t.next()) {
          if (String.valueOf(t.getString("TABLE_TYPE")).contains("TABLE") && schema.equalsIgnoreCase(t.getString("TABLE_SCHEM"))) {
            tables.add(t.getString("TABLE_NAME"));
          }
        }
      }
      for (String table : tables) {
        scanned.add(table);
        try (ResultSet rows = c.createStatement().executeQuery("SELECT * FROM \"" + table + "\"")) {
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            for (int i = 1; i <= columns; i++) {
              String cell = rows.getString(i);
              if (cell != null && cell.contains(value)) {
                found.add(table + "." + rows.getMetaData().getColumnName(i));
              }
            }
          }
        }
      }
    }
    return found;
  }
}
