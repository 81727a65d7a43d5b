package dev.weft.cli.progress;

import dev.weft.sim.engine.Progress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Draws how many tasks have finished as one line on stderr, redrawn in place with a carriage
 * return: nothing for the first second (a short run shows no bar at all), then at most ten times a
 * second. {@link #close()} draws the final count and ends the line, if anything was drawn.
 */
public final class ProgressBar implements Progress, AutoCloseable {
  static final long QUIET_NANOS = 1_000_000_000L;
  static final long REDRAW_NANOS = 100_000_000L;
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final LongSupplier nanoTime;
  private final String label;
  private String note = "";
  private final long started;
  private long lastDrawn;
  private boolean drawn;
  private int lastLength;
  private int finished;
  private int total;

  /** @param nanoTime a monotonic clock in nanoseconds, {@code System::nanoTime} outside tests */
  public ProgressBar(PrintWriter err, LongSupplier nanoTime) {
    this(err, nanoTime, "simulating");
  }

  /** A bar whose line starts with {@code label} instead of "simulating". */
  public ProgressBar(PrintWriter err, LongSupplier nanoTime, String label) {
    this.err = err;
    this.nanoTime = nanoTime;
    this.label = label;
    this.started = nanoTime.getAsLong();
  }

  /** As {@link #finished(int, int)}, with {@code note} (e.g. "1/1 instances") shown after the task count. */
  public void finished(int finishedSoFar, int totalToRun, String note) {
    this.note = note.isEmpty() ? "" : ", " + note;
    finished(finishedSoFar, totalToRun);
  }

  @Override
  public void finished(int finishedSoFar, int totalToRun) {
    this.finished = finishedSoFar;
    this.total = totalToRun;
    long now = nanoTime.getAsLong();
    if (now - started < QUIET_NANOS || (drawn && now - lastDrawn < REDRAW_NANOS)) {
      return;
    }
    draw(now);
  }

  /** Draws the last count and a newline when the bar was shown; otherwise prints nothing. */
  @Override
  public void close() {
    if (drawn) {
      draw(nanoTime.getAsLong());
      err.print('\n');
      err.flush();
    }
  }

  private void draw(long now) {
    String line = line(now);
    err.print('\r');
    err.print(line);
    err.print(" ".repeat(Math.max(0, lastLength - line.length())));
    err.flush();
    lastLength = line.length();
    lastDrawn = now;
    drawn = true;
  }

  private String line(long now) {
    double share = total <= 0 ? 1 : Math.min(1, (double) finished / total);
    int full = (int) Math.round(share * WIDTH);
    return String.format(Locale.ROOT, "%s [%s%s] %3d%%  %,d/%,d tasks%s  %.1f s", label, "#".repeat(full),
        ".".repeat(WIDTH - full), (int) Math.floor(share * 100), finished, total, note, (now - started) / 1e9);
  }
}
