package dev.weft.model.codec;

import dev.weft.model.Node;
import dev.weft.model.Resources;
import dev.weft.model.TopologyPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Expands {@code generate: {zones, racksPerZone, nodesPerRack, region, capacity, labels}} into
 * identical nodes, zone by zone, rack by rack. Ids are {@code z<zone>-r<rack>-n<node>}, racks and
 * nodes zero-padded to at least two digits ({@code z1-r01-n01}); the node sits at
 * {@code <region>/z<zone>/r<rack>}. The same block always yields the same nodes in the same order.
 */
final class ClusterGenerator {
  static final long MAX_NODES = 1_000_000;
  private static final List<String> FIELDS =
      List.of("zones", "racksPerZone", "nodesPerRack", "region", "capacity", "labels");

  private ClusterGenerator() {
  }

  /** The generated nodes; empty when the block is absent or has problems (all reported). */
  static List<Node> read(Located at) {
    if (!at.isPresent() || !at.expectObject(FIELDS)) {
      return List.of();
    }
    Long zones = at.require("zones").integer(1, MAX_NODES);
    Long racks = at.require("racksPerZone").integer(1, MAX_NODES);
    Long perRack = at.require("nodesPerRack").integer(1, MAX_NODES);
    String region = NodeCodec.name(at.field("region"), "region");
    Located capacityAt = at.require("capacity");
    Resources capacity = ResourcesCodec.read(capacityAt);
    if (!ResourcesCodec.checkNodeGpus(capacityAt, capacity)) {
      capacity = null;
    }
    Map<String, String> labels = at.field("labels").textMap();
    if (zones == null || racks == null || perRack == null || capacity == null) {
      return List.of();
    }
    if (zones * racks * perRack > MAX_NODES) {
      at.problem("would generate " + zones * racks * perRack + " nodes; the limit is " + MAX_NODES);
      return List.of();
    }
    return expand(new Shape(zones.intValue(), racks.intValue(), perRack.intValue()), region, capacity, labels);
  }

  private record Shape(int zones, int racks, int nodesPerRack) {
  }

  private static List<Node> expand(Shape shape, String region, Resources capacity, Map<String, String> labels) {
    String rackFormat = "r%0" + width(shape.racks()) + "d";
    String nodeFormat = "n%0" + width(shape.nodesPerRack()) + "d";
    List<Node> nodes = new ArrayList<>();
    for (int z = 1; z <= shape.zones(); z++) {
      for (int r = 1; r <= shape.racks(); r++) {
        String zone = "z" + z;
        String rack = rackFormat.formatted(r);
        for (int n = 1; n <= shape.nodesPerRack(); n++) {
          String id = zone + "-" + rack + "-" + nodeFormat.formatted(n);
          nodes.add(new Node(id, capacity, labels, List.of(), new TopologyPath(region, zone, rack)));
        }
      }
    }
    return nodes;
  }

  private static int width(int count) {
    return Math.max(2, String.valueOf(count).length());
  }
}
