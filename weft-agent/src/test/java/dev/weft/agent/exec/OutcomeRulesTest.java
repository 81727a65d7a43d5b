package dev.weft.agent.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OutcomeRulesTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("exit 0 succeeded", new ExitFacts(0, null, null, 0, false, ""), TaskStatus.SUCCEEDED),
        Arguments.of("exit 3 failed", new ExitFacts(3, null, null, 0, false, ""), TaskStatus.FAILED),
        Arguments.of("a cgroup OOM kill is out of memory", new ExitFacts(137, null, null, 1, false, ""),
            TaskStatus.OUT_OF_MEMORY),
        Arguments.of("an OOM kill wins over the timeout it caused", new ExitFacts(137, TaskStatus.TIMED_OUT, "t", 2,
            false, ""), TaskStatus.OUT_OF_MEMORY),
        Arguments.of("an OOM kill of a child the task survived is not a failure",
            new ExitFacts(0, null, null, 1, false, ""), TaskStatus.SUCCEEDED),
        Arguments.of("a timed-out task is timed out whatever it exited with",
            new ExitFacts(143, TaskStatus.TIMED_OUT, "t", 0, false, ""), TaskStatus.TIMED_OUT),
        Arguments.of("a killed task is killed", new ExitFacts(137, TaskStatus.KILLED, "k", 0, false, ""),
            TaskStatus.KILLED),
        Arguments.of("MemoryError under an rlimit is out of memory",
            new ExitFacts(1, null, null, 0, true, "Traceback ...\nMemoryError\n"), TaskStatus.OUT_OF_MEMORY),
        Arguments.of("the same message without an rlimit is only a failure",
            new ExitFacts(1, null, null, 0, false, "MemoryError\n"), TaskStatus.FAILED),
        Arguments.of("an rlimit task failing for another reason failed",
            new ExitFacts(2, null, null, 0, true, "file not found\n"), TaskStatus.FAILED),
        Arguments.of("a lost exit status failed", new ExitFacts(null, null, null, 0, false, ""), TaskStatus.FAILED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void judges(String rule, ExitFacts facts, TaskStatus expected) {
    assertThat(OutcomeRules.judge("t", facts).status()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void keeps_the_exit_code(String rule, ExitFacts facts, TaskStatus expected) {
    assertThat(OutcomeRules.judge("t", facts).exitCode()).isEqualTo(facts.exitCode());
  }

  @org.junit.jupiter.api.Test
  void a_signal_death_is_named() {
    assertThat(OutcomeRules.judge("t", new ExitFacts(139, null, null, 0, false, "")).detail())
        .isEqualTo("died of signal 11");
  }
}
