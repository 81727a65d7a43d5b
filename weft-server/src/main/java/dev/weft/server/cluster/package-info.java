/**
 * What servers sharing one PostgreSQL tell each other directly: wake-up rings ({@link
 * dev.weft.server.cluster.ClusterBells}) over the store's {@link dev.weft.store.Signals}. Everything
 * else they share through the database.
 */
package dev.weft.server.cluster;
