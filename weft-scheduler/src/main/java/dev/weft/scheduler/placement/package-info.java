/**
 * The resource layer: where a task runs. {@link dev.weft.scheduler.placement.TopologyTree} keeps
 * the free capacity of every region, zone and rack so {@link dev.weft.scheduler.placement.Placer}
 * descends and prunes subtrees that cannot fit; at the bottom, the filters and scorers listed in
 * {@link dev.weft.scheduler.placement.PlacementPlugins} pick the node. Every rejection carries a
 * reason that ends up in the task's explanation.
 */
package dev.weft.scheduler.placement;
