/**
 * The progress bar of long commands: {@link dev.weft.cli.progress.ProgressBar} draws the
 * simulator's {@link dev.weft.sim.engine.Progress} on stderr, and
 * {@link dev.weft.cli.progress.ProgressOption} is the {@code --progress} mixin that decides whether
 * to draw it. The simulator only counts; the clock and the terminal live here.
 */
package dev.weft.cli.progress;
