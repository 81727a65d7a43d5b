package dev.weft.scheduler.placement;

import dev.weft.scheduler.api.ScorerWeights;
import dev.weft.scheduler.backfill.ReservationBook;
import dev.weft.scheduler.resources.ResourceSpace;
import java.util.ArrayList;
import java.util.List;

/**
 * The one registry of placement plugins, in the order they run. Filters (cheapest and most
 * selective first): fit, label constraints, taints, required task affinity, reservations.
 * Scorers, weighted: bin-pack or spread, balanced cpu/memory, profile interference, best-fit
 * (GPU then CPU), least GPU fragmentation (against a {@link WorkloadProfile}), preferred affinity,
 * PreferNoSchedule taints.
 */
public final class PlacementPlugins {
  final FitsResources fit;
  final List<Filter> filters = new ArrayList<>();
  final List<Scorer> scorers = new ArrayList<>();
  final List<Double> weights = new ArrayList<>();
  final ScorerWeights scoring;
  private final ReservationBook book;
  private final AffinityIndex affinity;

  public PlacementPlugins(ResourceSpace space, ScorerWeights scoring, AffinityIndex affinity, ReservationBook book) {
    this(space, scoring, WorkloadProfile.NONE, affinity, book);
  }

  /** @param profile the tasks expected, for the fragmentation scorer ({@link WorkloadProfile#NONE}: none known) */
  public PlacementPlugins(ResourceSpace space, ScorerWeights scoring, WorkloadProfile profile, AffinityIndex affinity,
                          ReservationBook book) {
    this.scoring = scoring;
    this.book = book;
    this.affinity = affinity;
    fit = new FitsResources(space);
    filters.add(fit);
    filters.add(new MatchesLabelConstraints());
    filters.add(new ToleratesTaints());
    filters.add(new HonoursTaskAffinity(affinity));
    filters.add(new KeepsReservations(book));
    scorer(new BinPack(), scoring.binPack());
    scorer(new Spread(), scoring.spread());
    scorer(new Balanced(), scoring.balanced());
    scorer(new ProfileInterference(), scoring.interference());
    scorer(new BestFit(), scoring.bestFit());
    scorer(new LeastFragmentation(profile), scoring.fragmentation());
    scorer(new PrefersTaskAffinity(affinity), 1);
    scorer(new AvoidsPreferNoSchedule(), 1);
  }

  private void scorer(Scorer s, double weight) {
    if (weight != 0) {
      scorers.add(s);
      weights.add(weight);
    }
  }

  /** The first filter's reason for rejecting the node, or null when every filter passes. */
  String reject(PlacementRequest r, NodeState n) {
    for (int i = 0; i < filters.size(); i++) {
      String why = filters.get(i).reject(r, n);
      if (why != null) {
        return why;
      }
    }
    return null;
  }

  /** Like {@link #reject} but ignoring free capacity and reservations: could the node host it if emptied? */
  public String rejectIgnoringCapacity(PlacementRequest r, NodeState n) {
    for (int i = 1; i < filters.size() - 1; i++) {
      String why = filters.get(i).reject(r, n);
      if (why != null) {
        return why;
      }
    }
    return null;
  }

  double score(PlacementRequest r, NodeState n) {
    double s = 0;
    for (int i = 0; i < scorers.size(); i++) {
      s += weights.get(i) * scorers.get(i).score(r, n);
    }
    return s;
  }

  /**
   * True when whether a node can take the request depends only on the node's free capacity and
   * static attributes: no inter-task affinity (the task's own or another's required anti-affinity)
   * and no reservations in the round. Only then may a
   * rack's "no room" be remembered until the rack changes.
   */
  boolean feasibilityIsStatic(PlacementRequest r) {
    return r.task().affinity().isEmpty() && !affinity.hasRefusals() && book.isEmpty();
  }

  /** +1: visit fuller subtrees first (bin-pack, best-fit, fragmentation), -1: emptier first (spread), 0: topology order. */
  int subtreeOrder() {
    return Double.compare(scoring.binPack() + scoring.bestFit() + scoring.fragmentation(), scoring.spread());
  }
}
