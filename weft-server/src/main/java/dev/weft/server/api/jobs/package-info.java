/**
 * The scheduling side of the API: jobs (one task, an array of N, a DAG), tasks (state, why a task
 * waits, logs), nodes (list, drain, cordon, uncordon) and the queue tree (usage; apply a new one).
 */
package dev.weft.server.api.jobs;
