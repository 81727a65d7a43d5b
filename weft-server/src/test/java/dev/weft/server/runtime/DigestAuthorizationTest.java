package dev.weft.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Challenges are read as RFC 7616 writes them; the answer matches the RFC's own worked example. */
class DigestAuthorizationTest {
  /** RFC 7616 section 3.9.1, the SHA-256 and MD5 examples (Mufasa, "Circle of Life"). */
  @Test
  void theAnswerMatchesTheExamplesOfRfc7616() {
    String challenges = "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=SHA-256,"
        + " nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";
    var sha256 = DigestAuthorization.strongest(List.of(challenges)).orElseThrow();
    String answer = DigestAuthorization.answer(sha256, "Mufasa", "Circle of Life", "GET", "/dir/index.html",
        "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ");
    assertThat(answer).contains("response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\"")
        .contains("qop=auth").contains("nc=00000001").contains("opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"");
    var md5 = new DigestAuthorization.Challenge(Map.of("realm", "http-auth@example.org", "qop", "auth",
        "nonce", "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v"));
    assertThat(DigestAuthorization.answer(md5, "Mufasa", "Circle of Life", "GET", "/dir/index.html",
        "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ")).contains("response=\"8ca523f5e9506fed4657c9700eebdbec\"");
  }

  @Test
  void theStrongestAnswerableChallengeIsChosenAcrossHeadersAndSchemes() {
    var picked = DigestAuthorization.strongest(List.of("Basic realm=\"x\", Digest realm=\"r\", nonce=\"n1\", algorithm=MD5",
        "Digest realm=\"r\", nonce=\"n2\", algorithm=SHA-256, qop=\"auth\"", "Digest realm=\"r\", nonce=\"n3\", algorithm=SHA-1"));
    assertThat(picked).map(c -> c.params().get("nonce")).contains("n2");
  }

  @Test
  void aChallengeAskingOnlyForAuthIntIsAnsweredWithTheBodysHashInA2() throws Exception {
    var c = DigestAuthorization.strongest(List.of("Digest realm=\"r\", nonce=\"n\", qop=\"auth-int\"")).orElseThrow();
    byte[] body = "{\"a\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String answer = DigestAuthorization.answer(c, "u", "p", "POST", "/x?y=1", "cn", body);
    String ha1 = md5("u:r:p".getBytes());
    String ha2 = md5(("POST:/x?y=1:" + md5(body)).getBytes());
    assertThat(answer).contains("qop=auth-int", "response=\"" + md5((ha1 + ":n:00000001:cn:auth-int:" + ha2).getBytes()) + "\"");
    assertThat(DigestAuthorization.answer(c, "u", "p", "POST", "/x?y=1", "cn", new byte[0]))
        .as("another body, another answer").doesNotContain(md5((ha1 + ":n:00000001:cn:auth-int:" + ha2).getBytes()));
  }

  @Test
  void authIsPreferredWhenBothAreOffered() {
    var c = DigestAuthorization.strongest(List.of("Digest realm=\"r\", nonce=\"n\", qop=\"auth-int, auth\"")).orElseThrow();
    assertThat(DigestAuthorization.answer(c, "u", "p", "GET", "/", "cn")).contains("qop=auth,").doesNotContain("auth-int");
  }

  private static String md5(byte[] bytes) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(bytes));
  }
}
