package dev.weft.model.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Reads that must fail, and what they report. */
final class SpecAssertions {
  private SpecAssertions() {
  }

  static SpecException failure(ThrowingCallable read) {
    Throwable thrown = catchThrowable(read);
    assertThat(thrown).isInstanceOf(SpecException.class);
    return (SpecException) thrown;
  }

  static List<SpecProblem> problemsOf(ThrowingCallable read) {
    return failure(read).problems();
  }

  static SpecProblem problem(String pointer, int line, String message) {
    return new SpecProblem(pointer, line, message);
  }
}
