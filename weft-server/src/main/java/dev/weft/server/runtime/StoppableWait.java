package dev.weft.server.runtime;

/** A {@link RetryWait} that {@link #stop} ends at once, for good (an engine closing). */
final class StoppableWait implements RetryWait {
  private boolean stopped;

  synchronized void stop() {
    stopped = true;
    notifyAll();
  }

  @Override
  public synchronized boolean waited(long millis) {
    long deadline = System.nanoTime() + millis * 1_000_000;
    long left = millis * 1_000_000;
    try {
      while (!stopped && left > 0) {
        wait(Math.max(1, left / 1_000_000));
        left = deadline - System.nanoTime();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    return !stopped;
  }
}
