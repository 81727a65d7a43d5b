package dev.weft.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.store.InstanceStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code call: http} against a loopback server that checks redirects, digests and OAuth2 tokens as the RFCs say. */
class HttpAuthenticationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private AuthServer server;

  @BeforeEach
  void start() throws Exception {
    server = new AuthServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private RunResult run(String tasks) {
    String text = """
        document: { dsl: '1.0.0', namespace: test, name: auth, version: '0.1.0' }
        do:
        """ + tasks.stripIndent().replace("BASE", server.base());
    AtomicInteger n = new AtomicInteger();
    return new InMemoryRunner(text, new FakeClock(0), () -> "a" + n.incrementAndGet(), Duration.ofSeconds(20))
        .run(JSON.createObjectNode());
  }

  private static String call(String name, String path, String authentication) {
    return """
          - %s:
              call: http
              with:
                method: get
                endpoint:
                  uri: BASE%s
                  authentication: %s
        """.formatted(name, path, authentication);
  }

  @Test
  void aRedirectIsAnErrorByDefaultAndIsNotFollowed() {
    RunResult r = run("""
          - go:
              call: http
              with: { method: get, endpoint: BASE/moved }
        """);
    assertThat(r.status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(r.error().path("status").asInt()).isEqualTo(302);
    assertThat(r.error().path("detail").asText()).contains("/moved").contains("Location: /target");
    assertThat(server.count("/target")).isZero();
  }

  @Test
  void redirectTrueFollowsTheRedirect() {
    RunResult r = run("""
          - go:
              call: http
              with: { method: get, endpoint: BASE/moved, redirect: true }
        """);
    assertThat(r.status()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(r.output().path("reached").asBoolean()).isTrue();
    assertThat(server.count("/target")).isEqualTo(1);
  }

  @Test
  void digestAnswersAnMd5ChallengeTheServerChecks() {
    RunResult r = run(call("get", "/digest/md5?x=1", "{ digest: { username: alice, password: wonderland } }"));
    assertThat(r.status()).as("%s", r.error()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(r.output().path("user").asText()).isEqualTo("alice");
    assertThat(server.digestAlgorithmsUsed).containsExactly("MD5");
  }

  @Test
  void digestAnswersAnAuthIntChallengeWithTheHashOfTheBodyItSends() {
    RunResult r = run("""
          - post:
              call: http
              with:
                method: post
                body: { order: 42, note: "über" }
                endpoint:
                  uri: BASE/digest/int?x=1
                  authentication: { digest: { username: alice, password: wonderland } }
        """);
    assertThat(r.status()).as("%s", r.error()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(r.output().path("qop").asText()).isEqualTo("auth-int");
    assertThat(r.output().path("body").path("note").asText()).isEqualTo("über");
    RunResult wrong = run("""
          - post:
              call: http
              with:
                method: post
                body: { order: 42 }
                endpoint:
                  uri: BASE/digest/int
                  authentication: { digest: { username: alice, password: nope } }
        """);
    assertThat(wrong.status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(wrong.error().path("status").asInt()).isEqualTo(401);
  }

  @Test
  void digestByNamedPolicyPicksSha256WhenTheServerOffersItBesideMd5() {
    String text = """
        document: { dsl: '1.0.0', namespace: test, name: auth, version: '0.1.0' }
        use:
          authentications:
            d: { digest: { username: alice, password: wonderland } }
        do:
          - post:
              call: http
              with:
                method: post
                body: { a: 1 }
                endpoint: { uri: BASE/digest/both, authentication: { use: d } }
        """.replace("BASE", server.base());
    RunResult r = new InMemoryRunner(text, new FakeClock(0), () -> "d1", Duration.ofSeconds(20)).run(JSON.createObjectNode());
    assertThat(r.status()).as("%s", r.error()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(r.output().path("algorithm").asText()).isEqualTo("SHA-256");
    assertThat(server.digestAlgorithmsUsed).containsExactly("SHA-256");
  }

  @Test
  void aWrongDigestPasswordEndsInTheServersRefusal() {
    RunResult r = run(call("get", "/digest/md5", "{ digest: { username: alice, password: nope } }"));
    assertThat(r.status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(r.error().path("status").asInt()).isEqualTo(401);
    assertThat(server.count("/digest/md5")).as("the challenge, then one answer").isEqualTo(2);
  }

  @Test
  void clientCredentialsWithBasicClientAuthenticationGetsATokenOnceForTwoCalls() {
    String auth = "{ oauth2: { authority: BASE, grant: client_credentials, scopes: [read, write], audiences: [api],"
        + " client: { id: app, secret: s3cr3t, authentication: client_secret_basic } } }";
    RunResult r = run(call("one", "/api/one", auth) + call("two", "/api/two", auth));
    assertThat(r.status()).as("%s", r.error()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(r.output().path("ok").asBoolean()).isTrue();
    assertThat(server.tokenRequests).hasSize(1);
    AuthServer.TokenRequest t = server.tokenRequests.getFirst();
    assertThat(t.path()).isEqualTo("/oauth2/token");
    assertThat(t.authorization()).startsWith("Basic ");
    assertThat(t.form()).containsEntry("grant_type", List.of("client_credentials"))
        .containsEntry("scope", List.of("read write")).containsEntry("audience", List.of("api"))
        .doesNotContainKey("client_secret");
  }

  @Test
  void passwordGrantWithPostedClientSecretAndATokenEndpointOfItsOwn() {
    String auth = "{ oauth2: { authority: BASE/ignored, endpoints: { token: BASE/oauth2/token }, grant: password,"
        + " username: bob, password: builder, client: { id: app, secret: s3cr3t } } }";
    RunResult r = run(call("one", "/api/one", auth));
    assertThat(r.status()).as("%s", r.error()).isEqualTo(InstanceStatus.COMPLETED);
    AuthServer.TokenRequest t = server.tokenRequests.getFirst();
    assertThat(t.authorization()).isNull();
    assertThat(t.form()).containsEntry("grant_type", List.of("password")).containsEntry("username", List.of("bob"))
        .containsEntry("client_id", List.of("app")).containsEntry("client_secret", List.of("s3cr3t"));
  }

  @Test
  void oidcFindsTheTokenEndpointByDiscovery() {
    String auth = "{ oidc: { authority: BASE/realms/r, grant: client_credentials, issuers: [BASE/realms/r],"
        + " client: { id: app, secret: s3cr3t } } }";
    RunResult r = run(call("one", "/api/one", auth) + call("two", "/api/two", auth));
    assertThat(r.status()).as("%s", r.error()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(server.count("/realms/r/.well-known/openid-configuration")).isEqualTo(1);
    assertThat(server.tokenRequests).extracting(AuthServer.TokenRequest::path)
        .containsExactly("/realms/r/protocol/openid-connect/token");
  }

  @Test
  void oidcRefusesAnIssuerNotListed() {
    String auth = "{ oidc: { authority: BASE/realms/r, grant: client_credentials, issuers: [https://other.example],"
        + " client: { id: app, secret: s3cr3t } } }";
    RunResult r = run(call("one", "/api/one", auth));
    assertThat(r.status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(r.error().path("type").asText()).endsWith("/authentication");
    assertThat(r.error().path("detail").asText()).contains("issuer").contains("https://other.example");
    assertThat(server.tokenRequests).isEmpty();
  }

  @Test
  void aRefusedClientIsAnAuthenticationErrorNamingTheTokenEndpoint() {
    String auth = "{ oauth2: { authority: BASE, grant: client_credentials, client: { id: app, secret: wrong } } }";
    RunResult r = run(call("one", "/api/one", auth));
    assertThat(r.status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(r.error().path("status").asInt()).isEqualTo(401);
    assertThat(r.error().path("type").asText()).endsWith("/authentication");
    assertThat(r.error().path("detail").asText()).contains(server.base() + "/oauth2/token").contains("invalid_client");
    assertThat(server.count("/api/one")).isZero();
  }

  @Test
  void aTokenTheResourceServerNoLongerAcceptsIsReplacedOnce() {
    String auth = "{ oauth2: { authority: BASE, grant: client_credentials, client: { id: app, secret: s3cr3t } } }";
    RunResult r = run(call("one", "/api/one", auth) + """
          - revokeAll:
              call: http
              with: { method: post, endpoint: BASE/revoke }
        """ + call("two", "/api/two", auth));
    assertThat(r.status()).as("%s", r.error()).isEqualTo(InstanceStatus.COMPLETED);
    assertThat(server.count("/api/two")).as("refused, then accepted with a fresh token").isEqualTo(2);
    assertThat(server.tokenRequests).hasSize(2);
  }

  @Test
  void tokenExchangeSendsTheSubjectAndActorTokensOfRfc8693() {
    String auth = "{ oauth2: { authority: BASE, grant: 'urn:ietf:params:oauth:grant-type:token-exchange', audiences: [api],"
        + " client: { id: app, secret: s3cr3t }, subject: { token: user-token-1, type: 'urn:ietf:params:oauth:token-type:access_token' },"
        + " actor: { token: svc.jwt, type: 'urn:ietf:params:oauth:token-type:jwt' } } }";
    RunResult r = run(call("one", "/api/one", auth));
    assertThat(r.status()).as("%s", r.error()).isEqualTo(InstanceStatus.COMPLETED);
    AuthServer.TokenRequest t = server.tokenRequests.getFirst();
    assertThat(t.form()).containsEntry("grant_type", List.of("urn:ietf:params:oauth:grant-type:token-exchange"))
        .containsEntry("subject_token", List.of("user-token-1")).containsEntry("actor_token", List.of("svc.jwt"))
        .containsEntry("audience", List.of("api"));
    RunResult refused = run(call("one", "/api/one", auth.replace("user-token-1", "someone-else")));
    assertThat(refused.status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(refused.error().path("detail").asText()).contains("invalid_grant");
    RunResult noSubject = run(call("one", "/api/one",
        "{ oauth2: { authority: BASE, grant: 'urn:ietf:params:oauth:grant-type:token-exchange', client: { id: app, secret: s3cr3t } } }"));
    assertThat(noSubject.error().path("detail").asText()).contains("subject");
  }

  @Test
  void anUnsupportedGrantFaultsWith501NamingIt() {
    String auth = "{ oauth2: { authority: BASE, grant: authorization_code, client: { id: app, secret: s3cr3t } } }";
    RunResult r = run(call("one", "/api/one", auth));
    assertThat(r.status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(r.error().path("status").asInt()).isEqualTo(501);
    assertThat(r.error().path("detail").asText()).contains("authorization_code");
  }

  @Test
  void aPolicyReadWholeFromASecretFaultsWith501SayingSo() {
    RunResult r = run("""
          - one:
              call: http
              with:
                method: get
                endpoint: { uri: BASE/api/one, authentication: { oauth2: { use: creds } } }
        """);
    assertThat(r.status()).isEqualTo(InstanceStatus.FAILED);
    assertThat(r.error().path("status").asInt()).isEqualTo(501);
    assertThat(r.error().path("detail").asText()).contains("secret 'creds'");
  }
}
