package dev.weft.workflow.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Authentication policies the DSL schema accepts but that cannot work are refused at their pointer. */
class AuthenticationCheckTest {
  private static final String HEAD = "document: { dsl: '1.0.0', namespace: test, name: t, version: '0.1.0' }\n";

  private static String call(String auth) {
    return "do:\n  - get:\n      call: http\n      with:\n        method: get\n        endpoint:\n          uri: https://api.example.com/x\n"
        + "          authentication: " + auth + "\n";
  }

  static Stream<Arguments> refused() {
    String at = "/do/0/get/with/endpoint/authentication";
    return Stream.of(
        Arguments.of("oauth2 without authority", call("{ oauth2: { grant: client_credentials, client: { id: a, secret: b } } }"),
            at + "/oauth2", "needs 'authority'"),
        Arguments.of("a relative authority", call("{ oauth2: { authority: /realms/x, grant: client_credentials, client: { id: a, secret: b } } }"),
            at + "/oauth2/authority", "not an absolute URI"),
        Arguments.of("oidc without grant", call("{ oidc: { authority: 'https://id.example.com', client: { id: a, secret: b } } }"),
            at + "/oidc", "needs 'grant'"),
        Arguments.of("a password grant without password",
            call("{ oauth2: { authority: 'https://id.example.com', grant: password, username: u, client: { id: a, secret: b } } }"),
            at + "/oauth2", "needs 'password'"),
        Arguments.of("client_secret_basic without secret",
            call("{ oauth2: { authority: 'https://id.example.com', grant: client_credentials, client: { id: a, authentication: client_secret_basic } } }"),
            at + "/oauth2/client", "needs client.secret"),
        Arguments.of("the default client_secret_post without a client",
            call("{ oauth2: { authority: 'https://id.example.com', grant: client_credentials } }"),
            at + "/oauth2", "needs client.id"),
        Arguments.of("private_key_jwt without assertion",
            call("{ oauth2: { authority: 'https://id.example.com', grant: client_credentials, client: { id: a, authentication: private_key_jwt } } }"),
            at + "/oauth2/client", "needs client.assertion"),
        Arguments.of("a named policy in use.authentications",
            "use:\n  authentications:\n    p: { oidc: { authority: 'https://id.example.com', client: { id: a, secret: b } } }\ndo:\n  - s:\n      set: {}\n",
            "/use/authentications/p/oidc", "needs 'grant'"),
        Arguments.of("a reference to no policy", call("{ use: missing }"), at + "/use", "use.authentications: 'missing'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void isRefusedAtItsPointer(String why, String body, String pointer, String says) {
    WorkflowValidationException e = catchThrowableOfType(WorkflowValidationException.class, () -> WorkflowReader.read(HEAD + body));
    assertThat(e).as("the document is rejected").isNotNull();
    assertThat(e.problems()).anySatisfy(p -> {
      assertThat(p.pointer()).isEqualTo(pointer);
      assertThat(p.message()).contains(says);
      assertThat(p.line()).isPositive();
    });
  }

  @Test
  void completePoliciesAndExpressionsAreAccepted() {
    WorkflowReader.read(HEAD + "use:\n  secrets: [s]\n" + call("{ oauth2: { authority: 'https://id.example.com', grant: password, username: u,"
        + " password: '${ $secrets.s }', client: { id: a, secret: '${ $secrets.s }', authentication: client_secret_basic } } }"));
    WorkflowReader.read(HEAD + call("{ oidc: { authority: 'https://id.example.com/realms/r', grant: client_credentials,"
        + " client: { authentication: none } } }"));
    WorkflowReader.read(HEAD + call("{ digest: { username: u, password: p } }"));
  }
}
