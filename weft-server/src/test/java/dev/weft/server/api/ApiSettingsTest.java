package dev.weft.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.server.api.auth.Tokens;
import org.junit.jupiter.api.Test;

class ApiSettingsTest {
  @Test
  void without_tokens_only_loopback_is_allowed() {
    assertThat(new ApiSettings("127.0.0.1", 0, Tokens.none(), 10).bind()).isEqualTo("127.0.0.1");
    assertThat(new ApiSettings("::1", 0, Tokens.none(), 10).bind()).isEqualTo("::1");
    assertThatThrownBy(() -> new ApiSettings("0.0.0.0", 0, Tokens.none(), 10))
        .hasMessageContaining("refusing to listen on 0.0.0.0 without tokens");
  }

  @Test
  void with_tokens_any_address_is_allowed() {
    Tokens t = Tokens.parse("aaaaaaaaaaaaaaaaaaaa admin", "env");
    assertThat(new ApiSettings("0.0.0.0", 8080, t, 10).bind()).isEqualTo("0.0.0.0");
  }

  @Test
  void ports_outside_the_range_are_refused() {
    assertThatThrownBy(() -> ApiSettings.local(70000)).hasMessageContaining("port must be between 0 and 65535");
  }
}
