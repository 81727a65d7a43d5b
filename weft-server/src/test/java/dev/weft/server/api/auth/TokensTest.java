package dev.weft.server.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokensTest {
  @Test
  void a_file_gives_each_token_its_role_and_name_and_skips_comments() {
    Tokens t = Tokens.parse("""
        # comment

        aaaaaaaaaaaaaaaaaaaa admin alice
          bbbbbbbbbbbbbbbbbbbb   Viewer
        """, "tokens.txt");
    assertThat(t.lookup("aaaaaaaaaaaaaaaaaaaa")).contains(new Caller("alice", Role.ADMIN));
    assertThat(t.lookup("bbbbbbbbbbbbbbbbbbbb")).contains(new Caller("viewer-4", Role.VIEWER));
    assertThat(t.lookup("aaaaaaaaaaaaaaaaaaab")).isEmpty();
    assertThat(t.lookup("")).isEmpty();
    assertThat(t.callers()).extracting(Caller::name).containsExactly("alice", "viewer-4");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "aaaaaaaaaaaaaaaaaaaa root | tokens.txt:2: unknown role 'root'",
      "short admin | tokens.txt:2: token is 5 characters; use at least 16",
      "aaaaaaaaaaaaaaaaaaaa | tokens.txt:2: expected 'TOKEN ROLE [NAME]', got 1 word(s)",
      "aaaaaaaaaaaaaaaaaaaa admin x y | tokens.txt:2: expected 'TOKEN ROLE [NAME]', got 4 word(s)",
      "cccccccccccccccccccc viewer first | tokens.txt:2: name 'first' is used twice",
      "dddddddddddddddddddd viewer | tokens.txt:2: the same token is listed twice",
  })
  void a_bad_line_is_named_by_file_and_line(String line, String message) {
    assertThatThrownBy(() -> Tokens.parse("dddddddddddddddddddd admin first\n" + line, "tokens.txt"))
        .isInstanceOf(TokenFileException.class).hasMessageStartingWith(message);
  }
}
