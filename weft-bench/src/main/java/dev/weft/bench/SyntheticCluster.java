package dev.weft.bench;

import dev.weft.model.Node;
import dev.weft.model.Resources;
import dev.weft.model.Taint;
import dev.weft.model.TopologyPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The benchmark cluster: one region, three zones, racks of 40 nodes dealt round-robin to the zones
 * (42/42/41 racks for 5,000 nodes). Node shapes are drawn from a fixed seed: 16, 32 and 64 cpu
 * machines, gpu machines tainted for gpu tasks only, a share labelled {@code disk=ssd}, and a few
 * with a PreferNoSchedule taint. Ids are {@code node-0000}, {@code rack-000}, {@code eu-west-1a}.
 */
final class SyntheticCluster {
  static final String REGION = "eu-west-1";
  static final int RACK_SIZE = 40;
  static final String[] ZONES = {"eu-west-1a", "eu-west-1b", "eu-west-1c"};
  static final String GPU_KEY = "nvidia.com/gpu";
  static final String ACCELERATOR = "accelerator";
  static final String DISK = "disk";

  private record Shape(int percent, int cpus, int memoryGiB, int gpus) {}

  private static final List<Shape> SHAPES = List.of(
      new Shape(40, 16, 64, 0),
      new Shape(35, 32, 128, 0),
      new Shape(20, 64, 256, 0),
      new Shape(5, 32, 256, 4));

  private SyntheticCluster() {}

  static List<Node> nodes(int count, long seed) {
    Random random = new Random(seed);
    List<Node> nodes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int rack = i / RACK_SIZE;
      TopologyPath path = new TopologyPath(REGION, ZONES[rack % ZONES.length], String.format("rack-%03d", rack));
      nodes.add(node(String.format("node-%04d", i), shape(random.nextInt(100)), path, random));
    }
    return nodes;
  }

  /** The same nodes with the topology collapsed to a single rack, so nothing can be pruned. */
  static List<Node> flattened(List<Node> nodes) {
    TopologyPath one = new TopologyPath(REGION, "flat", "flat");
    List<Node> flat = new ArrayList<>(nodes.size());
    for (Node n : nodes) {
      flat.add(new Node(n.id(), n.capacity(), n.labels(), n.taints(), one));
    }
    return flat;
  }

  static long racks(int nodes) {
    return (nodes + RACK_SIZE - 1) / RACK_SIZE;
  }

  private static Shape shape(int percentile) {
    int seen = 0;
    for (Shape s : SHAPES) {
      seen += s.percent();
      if (percentile < seen) {
        return s;
      }
    }
    return SHAPES.getLast();
  }

  private static Node node(String id, Shape s, TopologyPath path, Random random) {
    Resources capacity = new Resources(s.cpus() * 1000L, s.memoryGiB() * 1024L, 1_000_000, s.gpus(), Map.of());
    Map<String, String> labels = new HashMap<>();
    List<Taint> taints = new ArrayList<>();
    if (s.gpus() > 0) {
      labels.put(ACCELERATOR, "a100");
      taints.add(new Taint(GPU_KEY, "true", Taint.Effect.NO_SCHEDULE));
    }
    if (random.nextInt(100) < 30) {
      labels.put(DISK, "ssd");
    }
    if (random.nextInt(100) < 2) {
      taints.add(new Taint("maintenance", "soon", Taint.Effect.PREFER_NO_SCHEDULE));
    }
    return new Node(id, capacity, labels, taints, path);
  }
}
