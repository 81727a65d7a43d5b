package dev.weft.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class HostRedirectsTest {
  private final HostRedirects redirects = HostRedirects.parse("petstore.swagger.io=127.0.0.1:8081, HTTPBIN.org=localhost:9");

  @Test
  void aRedirectedHostGoesToItsAddressOverHttpWithPathAndQueryKept() {
    assertThat(redirects.target(URI.create("https://petstore.swagger.io:443/v2/pet/findByStatus?status=a%20b")))
        .isEqualTo(URI.create("http://127.0.0.1:8081/v2/pet/findByStatus?status=a%20b"));
    assertThat(redirects.target(URI.create("https://httpbin.org"))).isEqualTo(URI.create("http://localhost:9/"));
  }

  @Test
  void otherHostsAreLeftAlone() {
    URI other = URI.create("https://example.org/petstore.swagger.io");
    assertThat(redirects.target(other)).isSameAs(other);
    assertThat(HostRedirects.NONE.target(URI.create("https://httpbin.org/get"))).isEqualTo(URI.create("https://httpbin.org/get"));
  }

  @Test
  void aBadEntryIsNamed() {
    assertThatThrownBy(() -> HostRedirects.parse("a=b,httpbin.org"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'httpbin.org' is not host=address");
    assertThatThrownBy(() -> HostRedirects.parse("x=")).hasMessageContaining("'x=' is not host=address");
  }
}
