package dev.weft.server.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private static final YAMLMapper YAML = new YAMLMapper();

  static JsonNode yaml(String text) {
    try {
      return YAML.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static long[] delays(String retry, int n) {
    RetryPolicy p = RetryPolicy.of(yaml(retry));
    return IntStream.rangeClosed(1, n).mapToLong(k -> p.delayBefore(k, "call-1")).toArray();
  }

  @Test
  void each_backoff_grows_the_wait_as_it_says_and_max_delay_caps_it() {
    assertThat(delays("{attempts: 3}", 3)).containsExactly(0, 0, 0);
    assertThat(delays("{attempts: 3, delay: 2s}", 3)).containsExactly(2000, 2000, 2000);
    assertThat(delays("{attempts: 4, delay: 2s, backoff: linear}", 4)).containsExactly(2000, 4000, 6000, 8000);
    assertThat(delays("{attempts: 5, delay: 1s, backoff: exponential}", 5)).containsExactly(1000, 2000, 4000, 8000, 16000);
    assertThat(delays("{attempts: 5, delay: 1s, backoff: exponential, maxDelay: 5s}", 5))
        .containsExactly(1000, 2000, 4000, 5000, 5000);
    assertThat(delays("{attempts: 100, delay: 1h, backoff: exponential}", 100)[99]).as("never more than a day")
        .isEqualTo(RetryPolicy.LONGEST.toMillis());
    assertThat(RetryPolicy.of(null)).isEqualTo(RetryPolicy.NONE);
    assertThat(RetryPolicy.of(yaml("{attempts: 2, delay: PT0.5S, backoff: CONSTANT}")))
        .isEqualTo(new RetryPolicy(2, 500, RetryPolicy.Backoff.CONSTANT, 0));
  }

  @Test
  void every_problem_is_named_by_its_pointer_and_what_is_wrong_keeps_its_default() {
    Map<String, String> problems = new LinkedHashMap<>();
    RetryPolicy p = RetryPolicy.read(yaml("{attempts: -1, delay: soon, backoff: 3, maxDelay: 2d, jitter: 0.1,"
        + " every: 1s}"), problems::put);
    assertThat(problems).containsOnlyKeys("/every", "/attempts", "/delay", "/backoff", "/maxDelay", "/jitter");
    assertThat(problems.get("/attempts")).contains("0 to 100", "-1");
    assertThat(problems.get("/delay")).contains("soon");
    assertThat(problems.get("/backoff")).contains("constant, linear or exponential", "3");
    assertThat(problems.get("/maxDelay")).contains("at most 1d", "2d");
    assertThat(problems.get("/every")).contains("unknown field 'every'", "jitter");
    assertThat(problems.get("/jitter")).contains("expected {from: duration, to: duration}", "0.1");
    assertThat(p).isEqualTo(RetryPolicy.NONE);

    problems.clear();
    RetryPolicy.read(yaml("3"), problems::put);
    assertThat(problems).containsOnlyKeys("");
    problems.clear();
    RetryPolicy.read(yaml("{delay: 1s}"), problems::put);
    assertThat(problems.get("/attempts")).contains("required", "nothing");
    problems.clear();
    RetryPolicy.read(yaml("{attempts: 1, jitter: {from: 2s, to: 1s, by: 3}}"), problems::put);
    assertThat(problems).containsOnlyKeys("/jitter/by", "/jitter/to");
    assertThat(problems.get("/jitter/to")).contains("must not be below from (2s)");
    problems.clear();
    RetryPolicy.read(yaml("{attempts: 1, jitter: {to: forever}}"), problems::put);
    assertThat(problems).containsOnlyKeys("/jitter/to");
  }

  @Test
  void the_jitter_adds_a_wait_within_its_bounds_the_same_for_a_call_and_spread_over_calls() {
    RetryPolicy p = RetryPolicy.of(yaml("{attempts: 3, delay: 1s, backoff: exponential, maxDelay: 3s,"
        + " jitter: {from: 100ms, to: 500ms}}"));
    assertThat(p.jitterFromMillis()).isEqualTo(100);
    assertThat(p.jitterToMillis()).isEqualTo(500);
    java.util.Set<Long> firstWaits = new java.util.HashSet<>();
    for (int call = 0; call < 200; call++) {
      String key = "call-" + call;
      long[] base = {1000, 2000, 3000};
      for (int k = 1; k <= 3; k++) {
        long wait = p.delayBefore(k, key);
        assertThat(wait - base[k - 1]).as("jitter of retry %d of %s", k, key).isBetween(100L, 500L);
        assertThat(p.delayBefore(k, key)).as("the same call, the same wait").isEqualTo(wait);
      }
      firstWaits.add(p.delayBefore(1, key));
    }
    assertThat(firstWaits).as("200 calls failing together come back spread out").hasSizeGreaterThan(100);
    assertThat(RetryPolicy.of(yaml("{attempts: 1, jitter: {from: 1s, to: 1s}}")).delayBefore(1, "x")).isEqualTo(1000);
    assertThat(RetryPolicy.of(yaml("{attempts: 1, delay: 1d, jitter: {to: 1h}}")).delayBefore(1, "x"))
        .as("never more than a day").isLessThanOrEqualTo(RetryPolicy.LONGEST.toMillis());
  }

  @Test
  void when_and_except_when_choose_the_failures_retried_from_the_error_and_the_exit_code() {
    JsonNode processFailed = yaml("{type: 'https://serverlessworkflow.io/spec/1.0.0/errors/runtime', status: 500,"
        + " title: Process failed, detail: 'Service s failed: exit code 2: bad input', instance: /do/0/call}");
    RetryPolicy everyFailure = RetryPolicy.of(yaml("{attempts: 2}"));
    assertThat(everyFailure.retries(processFailed, 2)).isTrue();
    assertThat(everyFailure.retries(processFailed, null)).isTrue();

    RetryPolicy notOnBadInput = RetryPolicy.of(yaml("{attempts: 2, exceptWhen: '${ $exitCode == 2 }'}"));
    assertThat(notOnBadInput.retries(processFailed, 2)).isFalse();
    assertThat(notOnBadInput.retries(processFailed, 5)).isTrue();
    assertThat(notOnBadInput.retries(processFailed, null)).as("a timeout has no exit code").isTrue();

    RetryPolicy onServerErrors = RetryPolicy.of(yaml("{attempts: 2, when: '.status >= 500 and $error.title != \"Bad\"'}"));
    assertThat(onServerErrors.retries(processFailed, 1)).as("a bare expression, as the DSL's when").isTrue();
    assertThat(onServerErrors.retries(yaml("{status: 404, title: Not found}"), null)).isFalse();

    RetryPolicy both = RetryPolicy.of(yaml("{attempts: 2, when: '${ .status == 500 }',"
        + " exceptWhen: '${ .detail | test(\"bad input\") }'}"));
    assertThat(both.retries(processFailed, 2)).isFalse();
    assertThat(both.retries(yaml("{status: 500, detail: 'exit code 9: disk full'}"), 9)).isTrue();

    RetryPolicy failing = RetryPolicy.of(yaml("{attempts: 2, when: '${ .detail | test(1) }'}"));
    assertThat(failing.retries(processFailed, 2)).as("an expression that fails retries nothing").isFalse();
  }

  @Test
  void a_filter_that_is_not_an_expression_is_named_by_its_pointer() {
    Map<String, String> problems = new LinkedHashMap<>();
    RetryPolicy p = RetryPolicy.read(yaml("{attempts: 1, when: 3, exceptWhen: '${ .status == }'}"), problems::put);
    assertThat(problems).containsOnlyKeys("/when", "/exceptWhen");
    assertThat(problems.get("/when")).contains("expected a runtime expression", "3");
    assertThat(problems.get("/exceptWhen")).contains("not a valid jq expression");
    assertThat(p.when()).isNull();
    assertThat(p.exceptWhen()).isNull();
  }
}
