/**
 * JDBC adapters of the store ports, one per port, shared by H2 (file, MODE=PostgreSQL) and
 * PostgreSQL: H2 2.3 accepts the same SQL ({@code FOR UPDATE SKIP LOCKED},
 * {@code ON CONFLICT DO NOTHING}), so the databases differ only in {@link Dialect} (URL and
 * pool set-up), not in queries.
 */
package dev.weft.store.jdbc;
