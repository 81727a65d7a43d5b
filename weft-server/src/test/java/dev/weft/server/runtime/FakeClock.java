package dev.weft.server.runtime;

import java.util.concurrent.atomic.AtomicLong;

/** A clock that jumps to the wake-up time instead of sleeping. */
final class FakeClock implements RuntimeClock {
  final AtomicLong now;

  FakeClock(long start) {
    this.now = new AtomicLong(start);
  }

  @Override
  public long nowMillis() {
    return now.get();
  }

  @Override
  public void sleepUntil(long millis) {
    now.accumulateAndGet(millis, Math::max);
  }
}
