package dev.weft.agent.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.agent.enforce.Confinement;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WrapperScriptTest {
  @Test
  void the_task_argv_follows_the_script_untouched() {
    List<String> argv = WrapperScript.argv(Confinement.NONE, Path.of("/s/t.exit"), List.of("echo", "a b", "$HOME"));
    assertThat(argv.subList(0, 3)).containsExactly("setsid", "sh", "-c");
    assertThat(argv.subList(4, argv.size())).containsExactly("weft-task", "echo", "a b", "$HOME");
  }

  @Test
  void rlimit_lines_come_before_the_task_and_fail_the_wrapper_with_125() {
    String script = WrapperScript.script(new Confinement(Optional.empty(), List.of("ulimit -v 262144"), true),
        Path.of("/s/t.exit"));
    assertThat(script).startsWith("ulimit -v 262144 || {").contains("exit 125");
    assertThat(script.indexOf("ulimit")).isLessThan(script.indexOf("\"$@\""));
  }

  @Test
  void paths_are_single_quoted_for_sh() {
    assertThat(WrapperScript.quote("/tmp/it's here")).isEqualTo("'/tmp/it'\\''s here'");
    assertThat(WrapperScript.script(Confinement.NONE, Path.of("/tmp/it's/t.exit")))
        .contains("echo $code > '/tmp/it'\\''s/t.exit'");
  }
}
