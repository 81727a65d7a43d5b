package dev.weft.scheduler.resources;

import dev.weft.model.Resources;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The dimensions of one planning round and the conversion of {@link Resources} into vectors. The
 * dimension {@code gpu} counts whole devices; {@link Resources#GPU_MILLI}, present when some vector
 * of the round asks a share of a GPU, is the share of ONE device (see {@code NodeState} for what a
 * node's free value in these two dimensions means).
 */
public final class ResourceSpace {
  /** The index of the whole-GPU dimension. */
  public static final int GPU = 3;
  private static final List<String> BUILT_IN = List.of("cpu", "memory", "disk", "gpu");
  private final List<String> names;
  private final int gpuMilli;

  private ResourceSpace(List<String> names) {
    this.names = List.copyOf(names);
    this.gpuMilli = this.names.indexOf(Resources.GPU_MILLI);
  }

  /** A space holding the built-in dimensions and every extended resource named in {@code seen}. */
  public static ResourceSpace of(Collection<Resources> seen) {
    TreeSet<String> ext = new TreeSet<>();
    for (Resources r : seen) {
      ext.addAll(r.extended().keySet());
    }
    List<String> names = new ArrayList<>(BUILT_IN);
    names.addAll(ext);
    return new ResourceSpace(names);
  }

  public int size() {
    return names.size();
  }

  public String name(int dim) {
    return names.get(dim);
  }

  /** The index of the GPU-share dimension ({@link Resources#GPU_MILLI}), -1 when no vector of the round asks a share. */
  public int gpuMilliDim() {
    return gpuMilli;
  }

  public long[] vector(Resources r) {
    long[] v = new long[names.size()];
    v[0] = r.cpuMillis();
    v[1] = r.memoryMiB();
    v[2] = r.diskMiB();
    v[3] = r.gpus();
    for (int d = BUILT_IN.size(); d < v.length; d++) {
      v[d] = r.extended().getOrDefault(names.get(d), 0L);
    }
    return v;
  }
}
