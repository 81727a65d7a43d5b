package dev.weft.store;

/** The shape of a job: one task, an array of N like tasks, or a DAG of tasks with dependencies. */
public enum JobKind { SINGLE, ARRAY, DAG }
