/**
 * GPU placement replay (the experiment of Weng et al., "Beware of Fragmentation", USENIX ATC
 * 2023): GPU pods arrive one by one and never leave; each goes through the real placement
 * pipeline ({@code TopologyTree}, {@code PlacementPlugins}, {@code Placer}) and the GPU allocation
 * ratio is recorded as the arrived GPU demand grows.
 */
package dev.weft.sim.gpu;
