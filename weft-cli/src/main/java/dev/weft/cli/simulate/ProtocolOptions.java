package dev.weft.cli.simulate;

import dev.weft.cli.UsageException;
import dev.weft.scheduler.api.SchedulerConfig;
import picocli.CommandLine.Option;

/** The options of {@code simulate} and {@code simulate compare} for published protocols and run-time predictions. */
final class ProtocolOptions {
  @Option(names = "--protocol", paramLabel = "rlscheduler", converter = ProtocolChoice.Converter.class,
      description = "Replay a published evaluation protocol: rlscheduler = RLScheduler (SC'20), 10 sequences of 1,024"
          + " jobs of the SWF trace on its own machine, average bounded slowdown over the sequences.")
  ProtocolChoice protocol;

  @Option(names = "--engine", paramLabel = "paper|weft", converter = EngineChoice.Converter.class,
      description = "With --protocol: paper = the paper's rules (policies fcfs, sjf, wfp3, unicep, f1; backfill none or"
          + " easy = its own rule); weft = Weft's planner with any policy and backfill (default: paper).")
  EngineChoice engine;

  @Option(names = "--prediction", paramLabel = "estimate|last-two-mean|recent-max",
      converter = PredictionChoice.Converter.class,
      description = "Where Weft's expected run times come from: the user's estimate, the mean of the user's last two"
          + " run times (EASY++), or the longest of the user's last 8 (default: estimate; last-two-mean with easy++).")
  PredictionChoice prediction;

  /** The engine asked for, paper by default; only meaningful with a protocol. */
  EngineChoice engineOrDefault() {
    return engine != null ? engine : EngineChoice.PAPER;
  }

  /** Refuses {@code --engine} without {@code --protocol}: outside a protocol Weft's planner is the only engine. */
  void checkEngineNeedsProtocol() {
    if (protocol == null && engine != null) {
      throw new UsageException("--engine needs --protocol rlscheduler; without a protocol Weft's planner runs");
    }
  }

  /** {@code config} with the chosen prediction, if one was chosen. */
  SchedulerConfig applyTo(SchedulerConfig config) {
    return prediction == null ? config : config.withPrediction(prediction.prediction());
  }
}
