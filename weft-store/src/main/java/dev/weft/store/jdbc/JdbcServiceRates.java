package dev.weft.store.jdbc;

import dev.weft.store.ServiceRates;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;

/**
 * {@link ServiceRates} on tables {@code weft_service_rate} and {@code weft_service_start} (V28): a
 * reservation locks the service's row ({@code FOR UPDATE}), so concurrent reservations get
 * distinct starts.
 */
public final class JdbcServiceRates implements ServiceRates {
  private final JdbcTransactor tx;

  public JdbcServiceRates(JdbcTransactor tx) {
    this.tx = tx;
  }

  @Override
  public Instant reserve(String service, String commandId, long intervalMillis, int burst, Instant now) {
    if (intervalMillis < 1) {
      throw new IllegalArgumentException("the interval must be at least 1 ms, got " + intervalMillis);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("the burst must be at least 1 start, got " + burst);
    }
    return tx.run("reserving a start of service " + service + " for " + commandId, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO weft_service_rate (service, next_start) VALUES (?, 0) ON CONFLICT DO NOTHING")) {
        ps.setString(1, service);
        ps.executeUpdate();
      }
      long next;
      try (PreparedStatement ps = c.prepareStatement("SELECT next_start FROM weft_service_rate WHERE service = ? FOR UPDATE")) {
        ps.setString(1, service);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          next = rs.getLong(1);
        }
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT start_at FROM weft_service_start WHERE command_id = ?")) {
        ps.setString(1, commandId);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return Instant.ofEpochMilli(rs.getLong(1)); // asked again: the time it was given
          }
        }
      }
      // next_start is the theoretical time of the next start at the steady rate; a burst may start
      // up to burst - 1 intervals ahead of it
      long start = Math.max(now.toEpochMilli(), next - (burst - 1) * intervalMillis);
      try (PreparedStatement ps = c.prepareStatement("UPDATE weft_service_rate SET next_start = ? WHERE service = ?")) {
        ps.setLong(1, Math.max(next, now.toEpochMilli()) + intervalMillis);
        ps.setString(2, service);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO weft_service_start (command_id, service, start_at) VALUES (?, ?, ?)")) {
        ps.setString(1, commandId);
        ps.setString(2, service);
        ps.setLong(3, start);
        ps.executeUpdate();
      }
      return Instant.ofEpochMilli(start);
    });
  }

  @Override
  public int forget(Instant before) {
    return tx.run("forgetting service starts", c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM weft_service_start WHERE start_at < ?")) {
        ps.setLong(1, before.toEpochMilli());
        return ps.executeUpdate();
      }
    });
  }
}
