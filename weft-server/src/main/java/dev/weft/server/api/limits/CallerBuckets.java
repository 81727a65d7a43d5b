package dev.weft.server.api.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per caller: a request takes a token, tokens come back at the rate up to the
 * burst. Pure but for the map; time is given by the caller in nanoseconds. Buckets that have filled
 * up again are dropped when there are many, so callers that came once cost nothing for long.
 */
public final class CallerBuckets {
  /** Above this many buckets, full ones (callers idle long enough to be back to the burst) are dropped. */
  static final int TIDY_ABOVE = 10_000;

  private final RequestRate rate;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public CallerBuckets(RequestRate rate) {
    this.rate = rate;
  }

  public RequestRate rate() {
    return rate;
  }

  /**
   * Takes a token of {@code caller}'s bucket if there is one.
   *
   * @return 0 when the request may go ahead, else how many nanoseconds until a token is back
   */
  public long take(String caller, long nowNanos) {
    if (buckets.size() > TIDY_ABOVE) {
      buckets.values().removeIf(b -> b.full(nowNanos));
    }
    Bucket b = buckets.computeIfAbsent(caller, c -> new Bucket(rate, nowNanos));
    synchronized (b) {
      return b.take(nowNanos);
    }
  }

  int size() {
    return buckets.size();
  }

  private static final class Bucket {
    private final RequestRate rate;
    private double tokens;
    private long at;

    Bucket(RequestRate rate, long nowNanos) {
      this.rate = rate;
      this.tokens = rate.burst();
      this.at = nowNanos;
    }

    long take(long nowNanos) {
      refill(nowNanos);
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return (long) Math.ceil((1 - tokens) / rate.perSecond() * 1e9);
    }

    synchronized boolean full(long nowNanos) {
      refill(nowNanos);
      return tokens >= rate.burst();
    }

    private void refill(long nowNanos) {
      if (nowNanos > at) {
        tokens = Math.min(rate.burst(), tokens + (nowNanos - at) / 1e9 * rate.perSecond());
        at = nowNanos;
      }
    }
  }
}
