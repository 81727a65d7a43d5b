/**
 * {@code weft bench workflow}: the same three workflows run side by side on Weft (in memory and
 * durable) and on two peers (the Serverless Workflow reference runtime from sdk-java, and
 * Flowable), instances per second for 1 and 4 threads.
 */
package dev.weft.bench.workflow;
