package dev.weft.server.runtime;

/** The runtime's only source of time; tests inject one that jumps forward instead of sleeping. */
public interface RuntimeClock {
  long nowMillis();

  /** Returns once {@link #nowMillis()} has reached {@code millis} (or earlier when interrupted). */
  void sleepUntil(long millis) throws InterruptedException;

  static RuntimeClock system() {
    return new RuntimeClock() {
      @Override
      public long nowMillis() {
        return System.currentTimeMillis();
      }

      @Override
      public void sleepUntil(long millis) throws InterruptedException {
        long wait = millis - System.currentTimeMillis();
        if (wait > 0) {
          Thread.sleep(wait);
        }
      }
    };
  }
}
