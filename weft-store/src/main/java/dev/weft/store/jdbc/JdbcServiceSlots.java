package dev.weft.store.jdbc;

import dev.weft.store.ServiceSlots;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ServiceSlots} on tables {@code weft_service_slot} and {@code weft_service_gate} (V27).
 * Every count and hand-over of a service's slots happens with its gate row locked
 * ({@code FOR UPDATE}), so servers sharing the database admit calls one at a time per service.
 */
public final class JdbcServiceSlots implements ServiceSlots {
  private static final String HELD = "HELD";
  private static final String WAITING = "WAITING";
  private final JdbcTransactor tx;

  public JdbcServiceSlots(JdbcTransactor tx) {
    this.tx = tx;
  }

  @Override
  public Taken take(String service, String commandId, String instanceId, int limit, Instant now) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    return tx.run("taking a slot of service " + service + " for " + commandId, c -> {
      lockGate(c, service);
      Optional<String> before = status(c, commandId);
      if (before.equals(Optional.of(HELD))) {
        return new Taken(Admission.HELD, List.of());
      }
      int free = limit - held(c, service);
      List<String> handedOver = new ArrayList<>();
      boolean admitted = false;
      if (free > 0) { // the oldest waiting calls first (this one among them, if it waits already)
        for (String id : oldestWaiting(c, service, free)) {
          promote(c, id, now);
          free--;
          if (id.equals(commandId)) {
            admitted = true;
          } else {
            handedOver.add(id);
          }
        }
      }
      if (before.isEmpty()) {
        admitted = free > 0;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO weft_service_slot"
            + " (command_id, service, instance_id, status, since) VALUES (?, ?, ?, ?, ?)")) {
          ps.setString(1, commandId);
          ps.setString(2, service);
          ps.setString(3, instanceId);
          ps.setString(4, admitted ? HELD : WAITING);
          ps.setLong(5, now.toEpochMilli());
          ps.executeUpdate();
        }
      }
      return new Taken(admitted ? Admission.HELD : Admission.WAITING, List.copyOf(handedOver));
    });
  }

  @Override
  public List<String> release(String commandId, Instant now) {
    return tx.run("giving back the slot of " + commandId, c -> {
      Optional<String> service = serviceOf(c, commandId);
      if (service.isEmpty()) {
        return List.of();
      }
      lockGate(c, service.get());
      Optional<String> status = status(c, commandId); // read again under the gate: a hand-over may have changed it
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM weft_service_slot WHERE command_id = ?")) {
        ps.setString(1, commandId);
        ps.executeUpdate();
      }
      return status.equals(Optional.of(HELD)) ? handOver(c, service.get(), 1, now) : List.of();
    });
  }

  @Override
  public List<String> releaseInstance(String instanceId, Instant now) {
    return tx.run("giving back the slots of instance " + instanceId, c -> {
      List<String> services = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT DISTINCT service FROM weft_service_slot WHERE instance_id = ? ORDER BY service")) {
        ps.setString(1, instanceId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            services.add(rs.getString(1));
          }
        }
      }
      List<String> handedOver = new ArrayList<>();
      for (String service : services) { // gates in name order, as every multi-gate unit takes them
        lockGate(c, service);
        int held;
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM weft_service_slot"
            + " WHERE instance_id = ? AND service = ? AND status = 'HELD'")) {
          ps.setString(1, instanceId);
          ps.setString(2, service);
          held = count(ps);
        }
        try (PreparedStatement ps = c.prepareStatement(
            "DELETE FROM weft_service_slot WHERE instance_id = ? AND service = ?")) {
          ps.setString(1, instanceId);
          ps.setString(2, service);
          ps.executeUpdate();
        }
        handedOver.addAll(handOver(c, service, held, now));
      }
      return handedOver;
    });
  }

  @Override
  public List<String> releaseEnded(Instant now) {
    List<String> ended = tx.run("finding the slots of ended instances", c -> {
      List<String> ids = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT s.instance_id FROM weft_service_slot s"
          + " JOIN weft_instance i ON i.id = s.instance_id WHERE i.status IN ('COMPLETED', 'FAILED', 'CANCELLED')")) {
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getString(1));
          }
        }
      }
      return ids;
    });
    List<String> handedOver = new ArrayList<>();
    for (String instanceId : ended) {
      handedOver.addAll(releaseInstance(instanceId, now));
    }
    return handedOver;
  }

  @Override
  public List<String> limitChanged(String service, int limit, Instant now) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be 0 (none) or more, got " + limit);
    }
    return tx.run("letting waiting calls of service " + service + " in under its limit", c -> {
      lockGate(c, service);
      return handOver(c, service, limit == 0 ? Integer.MAX_VALUE : limit - held(c, service), now);
    });
  }

  @Override
  public Optional<Admission> of(String commandId) {
    return tx.run("reading the slot of " + commandId, c -> status(c, commandId).map(Admission::valueOf));
  }

  @Override
  public Map<String, Usage> usage() {
    return tx.run("counting service slots", c -> {
      Map<String, int[]> counts = new LinkedHashMap<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT service, status, count(*) FROM weft_service_slot GROUP BY service, status ORDER BY service, status")) {
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            int[] n = counts.computeIfAbsent(rs.getString(1), s -> new int[2]);
            n[HELD.equals(rs.getString(2)) ? 0 : 1] += rs.getInt(3);
          }
        }
      }
      Map<String, Usage> out = new LinkedHashMap<>();
      counts.forEach((service, n) -> out.put(service, new Usage(n[0], n[1])));
      return out;
    });
  }

  /** Hands up to {@code n} freed slots of {@code service} to its oldest waiting calls (gate held). */
  private static List<String> handOver(Connection c, String service, int n, Instant now) throws SQLException {
    if (n < 1) {
      return List.of();
    }
    List<String> next = oldestWaiting(c, service, n);
    for (String id : next) {
      promote(c, id, now);
    }
    return next;
  }

  private static void lockGate(Connection c, String service) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO weft_service_gate (service) VALUES (?) ON CONFLICT DO NOTHING")) {
      ps.setString(1, service);
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT service FROM weft_service_gate WHERE service = ? FOR UPDATE")) {
      ps.setString(1, service);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
      }
    }
  }

  private static Optional<String> status(Connection c, String commandId) throws SQLException {
    return text(c, "SELECT status FROM weft_service_slot WHERE command_id = ?", commandId);
  }

  private static Optional<String> serviceOf(Connection c, String commandId) throws SQLException {
    return text(c, "SELECT service FROM weft_service_slot WHERE command_id = ?", commandId);
  }

  private static Optional<String> text(Connection c, String sql, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  private static int held(Connection c, String service) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT count(*) FROM weft_service_slot WHERE service = ? AND status = 'HELD'")) {
      ps.setString(1, service);
      return count(ps);
    }
  }

  private static int count(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static List<String> oldestWaiting(Connection c, String service, int n) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT command_id FROM weft_service_slot"
        + " WHERE service = ? AND status = 'WAITING' ORDER BY since, command_id LIMIT ?")) {
      ps.setString(1, service);
      ps.setInt(2, n);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    }
    return ids;
  }

  private static void promote(Connection c, String commandId, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE weft_service_slot SET status = 'HELD', since = ? WHERE command_id = ? AND status = 'WAITING'")) {
      ps.setLong(1, now.toEpochMilli());
      ps.setString(2, commandId);
      ps.executeUpdate();
    }
  }
}
