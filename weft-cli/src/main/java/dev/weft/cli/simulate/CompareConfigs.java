package dev.weft.cli.simulate;

import dev.weft.cli.UsageException;
import dev.weft.model.PolicyName;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.TypeConversionException;

/**
 * The configurations {@code simulate compare} runs: {@code --configs} items
 * {@code [paper:|weft:]POLICY/BACKFILL[/PREDICTION]}, or a default set.
 */
final class CompareConfigs {
  /** The paper's heuristics in the column order of its table. */
  private static final List<PolicyName> PAPER_POLICIES = List.of(PolicyName.FCFS, PolicyName.WFP3, PolicyName.UNICEP,
      PolicyName.SJF, PolicyName.F1);

  private CompareConfigs() {}

  /**
   * The configurations of {@code items}, or the default set when there are none. Without a
   * protocol the engine is Weft's; with one, items without a prefix take {@code --engine}.
   *
   * @throws UsageException naming the item that is malformed or that its engine cannot run
   */
  static List<RunConfig> of(List<String> items, ProtocolOptions o) {
    if (items == null || items.isEmpty()) {
      return o.protocol != null ? protocolDefaults() : plainDefaults();
    }
    List<RunConfig> out = new ArrayList<>();
    for (String item : items) {
      RunConfig c = parse(item.strip(), o);
      if (c.engine() == EngineChoice.PAPER) {
        check(item, c);
      }
      out.add(c);
    }
    return out;
  }

  /** The paper's five heuristics without and with its backfilling, then Weft's EASY, conservative and EASY++. */
  static List<RunConfig> protocolDefaults() {
    List<RunConfig> out = new ArrayList<>();
    for (BackfillChoice b : List.of(BackfillChoice.NONE, BackfillChoice.EASY)) {
      PAPER_POLICIES.forEach(p -> out.add(new RunConfig(EngineChoice.PAPER, p, b, null)));
    }
    for (PolicyName p : List.of(PolicyName.FCFS, PolicyName.SJF)) {
      for (BackfillChoice b : List.of(BackfillChoice.EASY, BackfillChoice.CONSERVATIVE, BackfillChoice.EASY_PLUS_PLUS)) {
        out.add(new RunConfig(EngineChoice.WEFT, p, b, null));
      }
    }
    out.add(new RunConfig(EngineChoice.WEFT, PolicyName.SJF, BackfillChoice.EASY, PredictionChoice.RECENT_MAX));
    return out;
  }

  /** fcfs and sjf under every backfill mode. */
  static List<RunConfig> plainDefaults() {
    List<RunConfig> out = new ArrayList<>();
    for (PolicyName p : List.of(PolicyName.FCFS, PolicyName.SJF)) {
      for (BackfillChoice b : BackfillChoice.values()) {
        out.add(new RunConfig(EngineChoice.WEFT, p, b, null));
      }
    }
    return out;
  }

  private static RunConfig parse(String item, ProtocolOptions o) {
    String rest = item;
    EngineChoice engine = o.protocol != null ? o.engineOrDefault() : EngineChoice.WEFT;
    int colon = rest.indexOf(':');
    if (colon >= 0) {
      engine = convert(item, rest.substring(0, colon), new EngineChoice.Converter());
      rest = rest.substring(colon + 1);
    }
    if (engine == EngineChoice.PAPER && o.protocol == null) {
      throw new UsageException("--configs '" + item + "': the paper's engine needs --protocol rlscheduler");
    }
    String[] parts = rest.split("/", -1);
    if (parts.length < 2 || parts.length > 3) {
      throw new UsageException("--configs '" + item + "': expected [paper:|weft:]POLICY/BACKFILL[/PREDICTION],"
          + " e.g. sjf/easy or weft:sjf/easy/recent-max");
    }
    PolicyName policy;
    try {
      policy = PolicyName.parse(parts[0]);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--configs '" + item + "': " + e.getMessage());
    }
    BackfillChoice backfill = convert(item, parts[1], new BackfillChoice.Converter());
    PredictionChoice prediction = parts.length == 3 ? convert(item, parts[2], new PredictionChoice.Converter())
        : o.prediction;
    return new RunConfig(engine, policy, backfill, prediction);
  }

  private static <E extends Enum<E> & WireName> E convert(String item, String value, WireName.Converter<E> c) {
    try {
      return c.convert(value);
    } catch (TypeConversionException e) {
      throw new UsageException("--configs '" + item + "': " + e.getMessage());
    }
  }

  /** Makes the paper's engine refuse what it cannot run now, before anything runs. */
  private static void check(String item, RunConfig c) {
    try {
      c.protocolEngine(RunConfig.weftOptions(c.policy(), BackfillOrder.QUEUE, null, PreemptionModeChoice.SUSPEND));
    } catch (UsageException e) {
      throw new UsageException("--configs '" + item + "': " + e.getMessage());
    }
  }
}
