package dev.weft.cli.progress;

import dev.weft.sim.engine.Progress;
import java.io.PrintWriter;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * The {@code --progress} option, for any command that runs simulations: a progress bar on stderr
 * when the command runs in a terminal ({@code System.console()} is there, so not when stdout is
 * piped), or always with {@code --progress}. Stdout, which may carry {@code --json}, is never touched.
 */
public final class ProgressOption {
  @Option(names = "--progress",
      description = "Draw a progress bar on stderr even when not in a terminal (it is drawn in one for runs over a second).")
  boolean forced;

  /** Runs {@code work} with a progress bar (or none), ending the bar's line afterwards. */
  public <T> T during(PrintWriter err, Function<Progress, T> work) {
    if (!forced && System.console() == null) {
      return work.apply(Progress.NONE);
    }
    try (ProgressBar bar = new ProgressBar(err, System::nanoTime)) {
      return work.apply(bar);
    }
  }
}
