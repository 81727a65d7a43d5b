package dev.weft.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** A piece of JDBC work on a connection the caller owns. */
@FunctionalInterface
interface SqlWork<T> {
  T run(Connection connection) throws SQLException;
}
