package dev.weft.model;

/** Where a node sits: region / zone / rack. The node's own id is the leaf of the path. */
public record TopologyPath(String region, String zone, String rack) {
  public static final TopologyPath DEFAULT = new TopologyPath("default", "default", "default");

  public TopologyPath {
    region = blankToDefault(region);
    zone = blankToDefault(zone);
    rack = blankToDefault(rack);
  }

  /** Parses {@code region/zone/rack}; missing trailing parts become {@code default}. */
  public static TopologyPath parse(String path) {
    String[] p = path == null ? new String[0] : path.split("/", -1);
    return new TopologyPath(p.length > 0 ? p[0] : null, p.length > 1 ? p[1] : null, p.length > 2 ? p[2] : null);
  }

  /** The name of this path's domain at a level, e.g. {@code eu/zone-a} for ZONE. */
  public String domain(TopologyLevel level, String nodeId) {
    return switch (level) {
      case REGION -> region;
      case ZONE -> region + "/" + zone;
      case RACK -> region + "/" + zone + "/" + rack;
      case NODE -> region + "/" + zone + "/" + rack + "/" + nodeId;
    };
  }

  private static String blankToDefault(String s) {
    return s == null || s.isBlank() ? "default" : s;
  }

  @Override
  public String toString() {
    return region + "/" + zone + "/" + rack;
  }
}
