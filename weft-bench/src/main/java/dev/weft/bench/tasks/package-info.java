/**
 * {@code weft bench tasks}: the same number of no-op tasks through Weft (a real server and agents
 * over the HTTP agent protocol on loopback), db-scheduler and JobRunr, each on its own fresh schema of
 * one PostgreSQL; tasks completed per second, the ratios, and Weft's submit-to-start latency at a
 * steady rate.
 */
package dev.weft.bench.tasks;
