package dev.weft.sim.rlscheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The heuristic columns of RLScheduler's published table (Zhang et al., SC'20; README of
 * DIR-LAB/deep-batch-scheduler), reproduced by the paper engine on the shared traces: the 30
 * averages to their printed 2 decimals, and each of the 300 per-sequence values of the re-run in
 * {@code RLSCHEDULER-TABLE.md} to its 4 decimals.
 */
class PublishedTableTest {
  private static final Map<String, ProtocolResult> RUNS = new ConcurrentHashMap<>();
  private static final Pattern SECTION = Pattern.compile("^### (\\S+), backfill (no|yes)");

  static ProtocolResult run(String trace, String policy, boolean backfill) {
    return RUNS.computeIfAbsent(trace + "/" + policy + "/" + backfill, k -> RlSchedulerProtocol.run(
        ProtocolTraces.named(trace), new PaperEngine(PriorityFunction.byName(policy), backfill)));
  }

  @ParameterizedTest(name = "{0}, {1}, backfill {2}: {3}")
  @CsvSource({
      "Lublin-1, fcfs, false, 7273.77", "Lublin-1, wfp3, false, 19753.53", "Lublin-1, unicep, false, 22274.74",
      "Lublin-1, sjf, false, 277.35", "Lublin-1, f1, false, 258.37",
      "SDSC-SP2, fcfs, false, 1727.54", "SDSC-SP2, wfp3, false, 3000.88", "SDSC-SP2, unicep, false, 1848.45",
      "SDSC-SP2, sjf, false, 2680.55", "SDSC-SP2, f1, false, 1232.06",
      "Lublin-2, fcfs, false, 7842.47", "Lublin-2, wfp3, false, 9523.18", "Lublin-2, unicep, false, 11265.31",
      "Lublin-2, sjf, false, 787.89", "Lublin-2, f1, false, 698.34",
      "Lublin-1, fcfs, true, 235.82", "Lublin-1, wfp3, true, 133.87", "Lublin-1, unicep, true, 307.23",
      "Lublin-1, sjf, true, 73.31", "Lublin-1, f1, true, 75.07",
      "SDSC-SP2, fcfs, true, 1595.12", "SDSC-SP2, wfp3, true, 1083.12", "SDSC-SP2, unicep, true, 548.01",
      "SDSC-SP2, sjf, true, 2167.84", "SDSC-SP2, f1, true, 1098.22",
      "Lublin-2, fcfs, true, 247.61", "Lublin-2, wfp3, true, 318.35", "Lublin-2, unicep, true, 379.59",
      "Lublin-2, sjf, true, 91.99", "Lublin-2, f1, true, 148.25"})
  void theAverageBoundedSlowdownIsThePublishedOneToTwoDecimals(String trace, String policy, boolean backfill,
                                                              double published) {
    double mean = run(trace, policy, backfill).avgBoundedSlowdown();

    assertThat(Math.round(mean * 100) / 100.0).as("%s %s backfill %s (%s)", trace, policy, backfill, mean)
        .isEqualTo(published);
  }

  @ParameterizedTest(name = "{0}, {1}, backfill {2}: every sequence as in the re-run")
  @MethodSource("perSequenceRows")
  void everySequenceMatchesTheReRunToFourDecimals(String trace, String policy, boolean backfill,
                                                  List<Double> expected) {
    assertThat(run(trace, policy, backfill).sequenceSlowdowns()).as("%s %s backfill %s", trace, policy, backfill)
        .zipSatisfy(expected, (actual, e) -> assertThat(actual).isCloseTo(e, within(0.00006)));
  }

  /** The per-sequence rows of the table file: {@code | FCFS | mean | seq 0 | ... | seq 9 |} under each section. */
  static Stream<Arguments> perSequenceRows() throws IOException {
    List<Arguments> rows = new ArrayList<>();
    String trace = null;
    boolean backfill = false;
    for (String line : Files.readAllLines(ProtocolTraces.table())) {
      Matcher m = SECTION.matcher(line);
      if (m.find()) {
        trace = m.group(1);
        backfill = m.group(2).equals("yes");
        continue;
      }
      String[] cells = line.split("\\|");
      if (trace != null && cells.length == 13 && PriorityFunction.byName(cells[1].strip().toLowerCase(Locale.ROOT)) != null) {
        List<Double> values = Stream.of(cells).skip(3).map(c -> Double.parseDouble(c.strip())).toList();
        rows.add(Arguments.of(trace, cells[1].strip().toLowerCase(Locale.ROOT), backfill, values));
      }
    }
    assertThat(rows).as("per-sequence rows in the table file").hasSize(30);
    return rows.stream();
  }
}
