package dev.weft.sim.report.runs;

import dev.weft.sim.metrics.SimResult;
import dev.weft.sim.report.Table;

/** The tasks of a run that did not finish, as far as the result lists them, and why. */
final class Leftovers {
  private Leftovers() {}

  static Table table(SimResult r) {
    Table t = Table.of("task", "outcome", "why").caption(r.rejected() + " rejected, " + r.stuck()
        + " stuck; the first " + SimResult.LISTED_IDS + " of each are listed");
    r.rejectedIds().forEach(id -> t.row(id, "rejected", "fits no node (or depends on a task that fits none)"));
    r.stuckIds().forEach(id -> t.row(id, "stuck", r.stuckReasons().getOrDefault(id, "no reason given")));
    return t;
  }
}
