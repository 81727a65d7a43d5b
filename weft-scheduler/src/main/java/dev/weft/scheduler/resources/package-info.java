/**
 * Resource vectors as flat {@code long[]} over a fixed list of dimensions (cpu, memory, disk,
 * gpus, then every extended resource seen in the round), so the hot placement path does array
 * arithmetic instead of map lookups.
 */
package dev.weft.scheduler.resources;
