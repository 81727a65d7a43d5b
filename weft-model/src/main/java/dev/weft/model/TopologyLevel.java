package dev.weft.model;

/** A level of the topology tree, from the widest to the narrowest. */
public enum TopologyLevel { REGION, ZONE, RACK, NODE }
