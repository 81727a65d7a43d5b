package dev.weft.server.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokensTest {
  private static final String A = "aaaaaaaaaaaaaaaaaaaa";
  private static final String B = "bbbbbbbbbbbbbbbbbbbb";

  @TempDir
  Path dir;

  @Test
  void tokens_of_a_file_follow_it_once_a_check_is_due_and_a_bad_change_keeps_them() throws Exception {
    Path file = dir.resolve("tokens.txt");
    Files.writeString(file, A + " admin alice\n");
    AtomicLong nanos = new AtomicLong(5);
    Tokens t = Tokens.watching(file, nanos::get);
    assertThat(t.lookup(A)).contains(new Caller("alice", Role.ADMIN));

    Files.writeString(file, B + " viewer bob\n"); // A revoked, B added
    assertThat(t.lookup(A)).as("not checked again within a second").isPresent();
    nanos.addAndGet(Tokens.RECHECK_NANOS);
    assertThat(t.lookup(B)).contains(new Caller("bob", Role.VIEWER));
    assertThat(t.lookup(A)).as("revoked").isEmpty();

    for (String bad : new String[] {"# nothing left\n", B + " root bob\n"}) {
      Files.writeString(file, bad);
      nanos.addAndGet(Tokens.RECHECK_NANOS);
      assertThat(t.lookup(B)).as("kept after a change to " + bad.strip()).contains(new Caller("bob", Role.VIEWER));
      assertThat(t.isEmpty()).isFalse();
    }
    Files.delete(file);
    nanos.addAndGet(Tokens.RECHECK_NANOS);
    assertThat(t.lookup(B)).as("kept while the file is gone").isPresent();
    Files.writeString(file, A + " operator carol\n");
    nanos.addAndGet(Tokens.RECHECK_NANOS);
    assertThat(t.callers()).containsExactly(new Caller("carol", Role.OPERATOR));
  }

  @Test
  void a_file_that_is_bad_or_empty_at_start_is_refused() throws Exception {
    Path file = dir.resolve("tokens.txt");
    Files.writeString(file, "# none yet\n");
    assertThatThrownBy(() -> Tokens.watching(file, System::nanoTime)).isInstanceOf(TokenFileException.class)
        .hasMessage(file + " holds no tokens");
    Files.writeString(file, A + " root\n");
    assertThatThrownBy(() -> Tokens.watching(file, System::nanoTime)).isInstanceOf(TokenFileException.class)
        .hasMessageStartingWith(file + ":1: unknown role 'root'");
  }
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
