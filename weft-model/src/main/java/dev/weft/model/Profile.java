package dev.weft.model;

/** What a task mostly spends its time on; the interference scorer mixes profiles on a node. */
public enum Profile { CPU, IO, MIXED }
