/**
 * The pure scheduling core: {@code plan(ClusterView, pending, now) -> Plan}. Reads no clock,
 * database, thread or network; the same input gives the same plan. See the module README.
 */
package dev.weft.scheduler;
