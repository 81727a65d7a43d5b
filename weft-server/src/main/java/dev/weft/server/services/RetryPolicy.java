package dev.weft.server.services;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.model.codec.DurationParser;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.weft.workflow.decide.Jitter;
import dev.weft.workflow.expr.ExpressionException;
import dev.weft.workflow.expr.Expressions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A service's {@code contract.retry}: {@code {attempts: N, delay: 2s, backoff: constant | linear |
 * exponential, maxDelay: 1m, jitter: {from: 0s, to: 1s}}}. A failed call is tried again up to N
 * more times; before retry k (1, 2, ...) it waits {@code delay} (constant), {@code k * delay}
 * (linear) or {@code 2^(k-1) * delay} (exponential), never more than {@code maxDelay} when given,
 * plus a jitter in [{@code from}, {@code to}] so that calls failing together do not all come back
 * together. The jitter is drawn from the call's key and k, so a call's waits are the same each
 * time they are computed (a server that restarts mid-wait, a replay) while different calls differ.
 * Only {@code attempts} is required; without {@code delay} or {@code jitter} a retry starts at once.
 * {@code when} and {@code exceptWhen} (runtime expressions, as the DSL's {@code retry.when} and
 * {@code retry.exceptWhen}) choose which failures are retried: they see the error as {@code .} and
 * {@code $error}, and the process's exit code as {@code $exitCode} (null when it has none: a call of
 * another behaviour, a timeout, a kill). A failure is retried when {@code when} is true and
 * {@code exceptWhen} is not; an expression that fails to evaluate retries nothing (the failure
 * reaches the workflow as it is), as Temporal's non-retryable error types stop its retries.
 * The vocabulary is the workflow DSL's {@code retry} (and Temporal's retry policy, Conductor's
 * {@code retryLogic}).
 *
 * @param delayMillis the first retry's wait; 0: none
 * @param maxDelayMillis the longest wait before the jitter; 0: no cap but {@link #LONGEST}
 * @param jitterFromMillis the least jitter added to each wait
 * @param jitterToMillis the most jitter added to each wait (at least {@code jitterFromMillis})
 * @param when the expression a failure must make true to be retried; null: every failure
 * @param exceptWhen the expression that keeps a failure from being retried when true; null: none
 */
public record RetryPolicy(int attempts, long delayMillis, Backoff backoff, long maxDelayMillis, long jitterFromMillis,
                          long jitterToMillis, String when, String exceptWhen) {
  /** Retrying every failure. */
  public RetryPolicy(int attempts, long delayMillis, Backoff backoff, long maxDelayMillis, long jitterFromMillis,
                     long jitterToMillis) {
    this(attempts, delayMillis, backoff, maxDelayMillis, jitterFromMillis, jitterToMillis, null, null);
  }

  /** Without jitter, retrying every failure. */
  public RetryPolicy(int attempts, long delayMillis, Backoff backoff, long maxDelayMillis) {
    this(attempts, delayMillis, backoff, maxDelayMillis, 0, 0);
  }

  /** How the wait grows from one retry to the next. */
  public enum Backoff { CONSTANT, LINEAR, EXPONENTIAL }

  /** No retries. */
  public static final RetryPolicy NONE = new RetryPolicy(0, 0, Backoff.CONSTANT, 0);
  /** The longest wait before a retry, whatever the policy says (a day). */
  public static final Duration LONGEST = Duration.ofDays(1);
  static final List<String> FIELDS = List.of("attempts", "delay", "backoff", "maxDelay", "jitter", "when", "exceptWhen");

  /** The policy of a contract's {@code retry} as stored (already checked by {@link #read}); {@link #NONE} for null. */
  public static RetryPolicy of(JsonNode retry) {
    return retry == null ? NONE : read(retry, (at, why) -> {
      throw new IllegalArgumentException("contract.retry" + at + ": " + why);
    });
  }

  /**
   * Reads {@code retry}, handing each problem to {@code problems} as (pointer under the retry
   * object, message); what is wrong is left at its default.
   */
  static RetryPolicy read(JsonNode retry, BiConsumer<String, String> problems) {
    if (!retry.isObject()) {
      problems.accept("", "expected {attempts: N, delay, backoff, maxDelay, jitter, when, exceptWhen}, got "
          + ServiceReader.shown(retry));
      return NONE;
    }
    retry.fieldNames().forEachRemaining(f -> {
      if (!FIELDS.contains(f)) {
        problems.accept("/" + f.replace("~", "~0").replace("/", "~1"),
            "unknown field '" + f + "' (known: " + String.join(", ", FIELDS) + ")");
      }
    });
    JsonNode n = retry.path("attempts");
    int attempts = 0;
    if (n.canConvertToInt() && n.isIntegralNumber() && n.asInt() >= 0 && n.asInt() <= 100) {
      attempts = n.asInt();
    } else {
      problems.accept("/attempts", "required: a whole number from 0 to 100, got " + ServiceReader.shown(n));
    }
    long delay = duration(retry.get("delay"), "/delay", problems);
    long max = duration(retry.get("maxDelay"), "/maxDelay", problems);
    Backoff backoff = Backoff.CONSTANT;
    JsonNode b = retry.get("backoff");
    if (b != null) {
      try {
        backoff = Backoff.valueOf(b.isTextual() ? b.asText().toUpperCase(Locale.ROOT) : "?");
      } catch (IllegalArgumentException e) {
        problems.accept("/backoff", "expected constant, linear or exponential, got " + ServiceReader.shown(b));
      }
    }
    long[] jitter = jitter(retry.get("jitter"), problems);
    return new RetryPolicy(attempts, delay, backoff, max, jitter[0], jitter[1],
        expression(retry.get("when"), "/when", problems), expression(retry.get("exceptWhen"), "/exceptWhen", problems));
  }

  /** A runtime expression, {@code ${ ... }} or bare jq (as the DSL's {@code when} takes it), that compiles. */
  private static String expression(JsonNode n, String at, BiConsumer<String, String> problems) {
    if (n == null) {
      return null;
    }
    if (!n.isTextual() || n.asText().isBlank()) {
      problems.accept(at, "expected a runtime expression such as '${ $exitCode != 2 }', got " + ServiceReader.shown(n));
      return null;
    }
    var error = Expressions.compileError(n.asText());
    if (error.isPresent()) {
      problems.accept(at, "not a valid jq expression: " + error.get());
      return null;
    }
    return n.asText();
  }

  /**
   * Whether a failure with {@code error} (the RFC 7807 object the workflow would get) and the
   * process's {@code exitCode} (null when none) is one this policy retries, attempts aside:
   * {@code when} true (or absent) and {@code exceptWhen} false (or absent); false when either fails
   * to evaluate.
   */
  public boolean retries(JsonNode error, Integer exitCode) {
    if (when == null && exceptWhen == null) {
      return true;
    }
    Map<String, JsonNode> vars = Map.of("error", error,
        "exitCode", exitCode == null ? NullNode.getInstance() : IntNode.valueOf(exitCode));
    try {
      return (when == null || Expressions.truthy(Expressions.evaluate(when, error, vars)))
          && (exceptWhen == null || !Expressions.truthy(Expressions.evaluate(exceptWhen, error, vars)));
    } catch (ExpressionException e) {
      return false;
    }
  }

  /** {@code {from, to}}, both durations (each defaults to 0s), {@code to} not below {@code from}. */
  private static long[] jitter(JsonNode j, BiConsumer<String, String> problems) {
    if (j == null) {
      return new long[] {0, 0};
    }
    if (!j.isObject()) {
      problems.accept("/jitter", "expected {from: duration, to: duration}, got " + ServiceReader.shown(j));
      return new long[] {0, 0};
    }
    j.fieldNames().forEachRemaining(f -> {
      if (!f.equals("from") && !f.equals("to")) {
        problems.accept("/jitter/" + f.replace("~", "~0").replace("/", "~1"), "unknown field '" + f + "' (known: from, to)");
      }
    });
    long from = duration(j.get("from"), "/jitter/from", problems);
    long to = duration(j.get("to"), "/jitter/to", problems);
    if (to < from) {
      problems.accept("/jitter/to", "must not be below from (" + DurationParser.format(from) + "), got "
          + ServiceReader.shown(j.get("to")));
      return new long[] {0, 0};
    }
    return new long[] {from, to};
  }

  private static long duration(JsonNode n, String at, BiConsumer<String, String> problems) {
    if (n == null) {
      return 0;
    }
    try {
      long millis = n.isTextual() ? DurationParser.millis(n.asText()) : -1;
      if (millis < 0) {
        problems.accept(at, "expected " + DurationParser.EXPECTED + ", got " + ServiceReader.shown(n));
        return 0;
      }
      if (millis > LONGEST.toMillis()) {
        problems.accept(at, "at most " + DurationParser.format(LONGEST.toMillis()) + ", got " + ServiceReader.shown(n));
        return 0;
      }
      return millis;
    } catch (IllegalArgumentException e) {
      problems.accept(at, e.getMessage());
      return 0;
    }
  }

  /**
   * The wait before retry {@code k} (1 for the first retry) of the call {@code key} (the same key and
   * k give the same wait), in milliseconds, never more than {@link #LONGEST}.
   */
  public long delayBefore(int k, String key) {
    if (k < 1) {
      return 0;
    }
    double wait = switch (backoff) {
      case CONSTANT -> delayMillis;
      case LINEAR -> (double) delayMillis * k;
      case EXPONENTIAL -> delayMillis * Math.pow(2, Math.min(k - 1, 62));
    };
    long cap = maxDelayMillis > 0 ? maxDelayMillis : LONGEST.toMillis();
    long jitter = jitterFromMillis
        + (long) (Jitter.fraction(key + "#" + k) * (jitterToMillis - jitterFromMillis + 1)); // in [from, to]
    return Math.min((long) Math.min(wait, cap) + jitter, LONGEST.toMillis());
  }
}
