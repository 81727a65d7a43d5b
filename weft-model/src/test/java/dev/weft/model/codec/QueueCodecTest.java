package dev.weft.model.codec;

import static dev.weft.model.codec.SpecAssertions.problem;
import static dev.weft.model.codec.SpecAssertions.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.PolicyName;
import dev.weft.model.QueueSpec;
import dev.weft.model.Resources;
import dev.weft.model.Share;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class QueueCodecTest {
  static final QueueSpec TREE = QueueSpec.parent("root", List.of(
      QueueSpec.parent("analytics", List.of(
              QueueSpec.leaf("etl", PolicyName.SJF).withGuarantee(new Share.Percent(60)).withWeight(2),
              QueueSpec.leaf("adhoc", PolicyName.FAIR).withMax(new Share.Percent(12.5))))
          .withGuarantee(new Share.Percent(40)).withMax(new Share.Percent(80)),
      new QueueSpec("ml", new Share.Absolute(Resources.of(16_000, 65_536)), new Share.Absolute(Resources.of(32_000, 131_072)),
          0.5, PolicyName.PRIORITY, List.of(), new Share.Percent(25), 2.5),
      QueueSpec.leaf("default", PolicyName.FCFS).withAging(0)));

  @ParameterizedTest
  @EnumSource(Format.class)
  void a_queue_tree_survives_a_round_trip(Format format) {
    assertThat(SpecCodec.readQueues(SpecCodec.writeQueues(TREE, format), "queues")).isEqualTo(TREE);
  }

  @Test
  void the_default_tree_is_short_to_write() {
    QueueSpec tree = QueueSpec.defaultTree(PolicyName.FCFS);
    assertThat(SpecCodec.writeQueues(tree, Format.YAML)).isEqualTo("""
        name: root
        children:
          - name: default
            policy: fcfs
        """);
    assertThat(SpecCodec.readQueues("children: [{name: default}]", "q.yaml")).isEqualTo(tree);
  }

  @Test
  void a_leaf_without_a_policy_orders_first_come_first_served() {
    assertThat(SpecCodec.readQueues("name: solo", "q.yaml").policy()).isEqualTo(PolicyName.FCFS);
  }

  @Test
  void names_are_lowercase_words_unique_among_siblings() {
    String yaml = """
        name: root
        children:
          - name: etl
          - name: ETL
          - name: etl
          - guarantee: 10%
        """;
    assertThat(problemsOf(() -> SpecCodec.readQueues(yaml, "queues.yaml"))).containsExactly(
        problem("/children/1/name", 4, "invalid queue name \"ETL\" (use a-z, 0-9, '_' and '-')"),
        problem("/children/2/name", 5, "duplicate queue name 'etl' (first at /children/0)"),
        problem("/children/3", 6, "missing required field 'name'"));
  }

  @Test
  void shares_are_percentages_in_range_or_resources() {
    String yaml = """
        children:
          - {name: a, guarantee: 150%}
          - {name: b, guarantee: 40}
          - {name: c, max: lots}
          - {name: d, guarantee: {cpus: 4}}
          - {name: e, perUserLimit: -5%}
        """;
    assertThat(problemsOf(() -> SpecCodec.readQueues(yaml, "queues.yaml"))).containsExactly(
        problem("/children/0/guarantee", 2, "must be between 0% and 100%, got \"150%\""),
        problem("/children/1/guarantee", 3, "expected a percentage like \"40%\" or resources like {cpu: 4, memory: 8Gi},"
            + " got 40 (write \"40%\" for a percentage)"),
        problem("/children/2/max", 4,
            "expected a percentage like \"40%\" or resources like {cpu: 4, memory: 8Gi}, got \"lots\""),
        problem("/children/3/guarantee/cpus", 5, "unknown field 'cpus' (did you mean 'cpu'?)"),
        problem("/children/4/perUserLimit", 6, "must be between 0% and 100%, got \"-5%\""));
  }

  @Test
  void a_guarantee_may_not_exceed_the_max() {
    String yaml = """
        children:
          - {name: a, guarantee: 60%, max: 50%}
          - {name: b, guarantee: {cpu: 8}, max: {cpu: 4}}
        """;
    assertThat(problemsOf(() -> SpecCodec.readQueues(yaml, "queues.yaml"))).containsExactly(
        problem("/children/0/guarantee", 2, "guarantee 60% is more than max 50%"),
        problem("/children/1/guarantee", 3, "guarantee cpu=8.0 mem=0Mi is more than max cpu=4.0 mem=0Mi"));
  }

  @Test
  void the_sum_of_childrens_guarantees_is_reported_at_the_parent() {
    String yaml = """
        name: root
        children:
          - name: analytics
            children:
              - {name: etl, guarantee: 70%}
              - {name: adhoc, guarantee: 30.5%}
              - {name: fixed, guarantee: {cpu: 2}}
          - {name: thirds, guarantee: 33.3%}
        """;
    assertThat(problemsOf(() -> SpecCodec.readQueues(yaml, "queues.yaml"))).containsExactly(
        problem("/children/0", 3, "the children's guarantees add up to 100.5%, more than 100%"));
  }

  @Test
  void an_unknown_policy_lists_the_valid_ones_and_a_parent_takes_none() {
    String yaml = """
        children:
          - {name: a, policy: lifo}
          - {name: b, policy: fair, children: [{name: c}]}
          - {name: d, weight: 0, agingPerMinute: -1}
        """;
    assertThat(problemsOf(() -> SpecCodec.readQueues(yaml, "queues.yaml"))).containsExactly(
        problem("/children/0/policy", 2,
            "unknown policy 'lifo' (expected one of fcfs, sjf, srtf, priority, edf, fair, critical-path, dag-lookahead,"
                + " wfp3, unicep, f1)"),
        problem("/children/1/policy", 3, "only leaf queues take a policy; this queue has children"),
        problem("/children/2/weight", 4, "must be greater than 0, got 0"),
        problem("/children/2/agingPerMinute", 4, "must be at least 0, got -1"));
  }
}
