package dev.weft.store.jdbc;

import dev.weft.store.Signals;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * {@link Signals} on PostgreSQL's {@code LISTEN}/{@code NOTIFY}, each direction on a connection of
 * its own outside the pool (a listening connection is held for good; a pooled one would be given
 * to others). A channel {@code X} is the database channel {@code weft.SCHEMA.X}, so that clusters
 * in different schemas of one database do not wake each other; the payload is the sender's id, and
 * a listener drops its own process's signals.
 *
 * <p>Sending is one thread that takes every channel asked for since its last send and notifies
 * them in one statement. Listening is one thread waiting on the driver's notifications. When the
 * database goes away (a restart), either thread says so once in the log, tries again with backoff
 * (a quarter second, doubling up to {@value #MAX_BACKOFF_MILLIS} ms) and says when it works again;
 * a listener that was away tells its receiver every channel once, since it may have missed
 * signals meanwhile. Sends asked for while the database is away go out when it is back.
 */
public final class PostgresSignals implements Signals {
  private static final System.Logger LOG = System.getLogger(PostgresSignals.class.getName());
  /** PostgreSQL's longest identifier in bytes (NAMEDATALEN - 1); a longer channel name is refused. */
  static final int LONGEST_CHANNEL = 63;
  static final long MAX_BACKOFF_MILLIS = 5_000;
  private static final int WAIT_MILLIS = 500;
  private final String url;
  private final String sender;
  private final Set<String> toSend = new LinkedHashSet<>();
  private volatile boolean closed;
  private Thread sending;
  private Thread listening;

  /**
   * @param url the database's JDBC URL, with its schema (as the pool's)
   * @param sender this process's id, the payload of its signals
   */
  public PostgresSignals(String url, String sender) {
    this.url = url;
    this.sender = sender;
  }

  /** The database channel of {@code channel} in {@code schema}: {@code weft.SCHEMA.CHANNEL}, shortened by a hash when too long. */
  static String channelName(String schema, String channel) {
    String name = "weft." + schema + "." + channel;
    if (name.getBytes(StandardCharsets.UTF_8).length <= LONGEST_CHANNEL) {
      return name;
    }
    return "weft." + Integer.toHexString(schema.hashCode()) + "." + channel;
  }

  @Override
  public void send(String channel) {
    synchronized (toSend) {
      if (closed) {
        return;
      }
      toSend.add(channel);
      toSend.notifyAll();
      if (sending == null) {
        sending = daemon("weft-signals-send", this::sendLoop);
      }
    }
  }

  @Override
  public synchronized void listen(Set<String> channels, Consumer<String> heard) {
    if (listening != null) {
      throw new IllegalStateException("already listening");
    }
    Set<String> wanted = Set.copyOf(channels);
    listening = daemon("weft-signals-listen", () -> listenLoop(wanted, heard));
  }

  private static Thread daemon(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private void sendLoop() {
    Outage outage = new Outage("sending wake-up signals");
    Connection c = null;
    while (!closed) {
      Set<String> batch;
      synchronized (toSend) {
        while (toSend.isEmpty() && !closed) {
          try {
            toSend.wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        batch = new LinkedHashSet<>(toSend);
        toSend.clear();
      }
      if (closed) {
        break;
      }
      try {
        if (c == null) {
          c = DriverManager.getConnection(url);
        }
        notify(c, batch);
        outage.over();
      } catch (SQLException e) {
        closeQuietly(c);
        c = null;
        synchronized (toSend) {
          toSend.addAll(batch); // sent when the database is back
        }
        if (!outage.pause(e)) {
          break;
        }
      }
    }
    closeQuietly(c);
  }

  private void notify(Connection c, Set<String> channels) throws SQLException {
    String schema = schema(c);
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < channels.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("pg_notify(?, ?)");
    }
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      int n = 1;
      for (String channel : channels) {
        ps.setString(n++, channelName(schema, channel));
        ps.setString(n++, sender);
      }
      ps.execute();
    }
  }

  private void listenLoop(Set<String> channels, Consumer<String> heard) {
    Outage outage = new Outage("listening for wake-up signals");
    boolean missed = false;
    while (!closed) {
      try (Connection c = DriverManager.getConnection(url)) {
        String schema = schema(c);
        java.util.Map<String, String> byName = new java.util.HashMap<>();
        try (Statement s = c.createStatement()) {
          for (String channel : channels) {
            String name = channelName(schema, channel);
            byName.put(name, channel);
            s.execute("LISTEN \"" + name.replace("\"", "\"\"") + "\"");
          }
        }
        outage.over();
        if (missed) { // signals sent while this listener was away are lost: say every channel once
          channels.forEach(heard);
          missed = false;
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        while (!closed) {
          PGNotification[] got = pg.getNotifications(WAIT_MILLIS);
          if (got == null) {
            continue;
          }
          Set<String> heardNow = new LinkedHashSet<>();
          for (PGNotification n : got) {
            String channel = byName.get(n.getName());
            if (channel != null && !sender.equals(n.getParameter())) {
              heardNow.add(channel);
            }
          }
          heardNow.forEach(heard);
        }
      } catch (SQLException e) {
        missed = true;
        if (closed || !outage.pause(e)) {
          return;
        }
      }
    }
  }

  private static String schema(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_schema()")) {
      rs.next();
      String schema = rs.getString(1);
      return schema == null ? "public" : schema;
    }
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        // already broken: nothing to give back
      }
    }
  }

  @Override
  public void close() {
    Thread s;
    Thread l;
    synchronized (toSend) {
      closed = true;
      toSend.notifyAll();
      s = sending;
    }
    synchronized (this) {
      l = listening;
    }
    for (Thread t : new Thread[] {s, l}) {
      if (t != null) {
        try {
          t.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** One line when a streak of failures starts and one when it ends; the waits between tries. */
  private final class Outage {
    private final String what;
    private int failures;

    Outage(String what) {
      this.what = what;
    }

    /** Logs the first failure of a streak and waits before the next try; false once closed. */
    boolean pause(SQLException e) {
      if (failures++ == 0) {
        LOG.log(System.Logger.Level.WARNING, what + ": " + e.getMessage() + "; trying again with backoff (up to "
            + MAX_BACKOFF_MILLIS / 1000 + " s); until then other servers' work is noticed at their timed rounds");
      }
      long wait = Math.min(MAX_BACKOFF_MILLIS, 250L << Math.min(failures - 1, 5));
      long until = System.nanoTime() + wait * 1_000_000;
      while (!closed && System.nanoTime() < until) {
        try {
          Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
        } catch (InterruptedException ie) {
          return false;
        }
      }
      return !closed;
    }

    void over() {
      if (failures > 0) {
        LOG.log(System.Logger.Level.INFO, what + ": works again after " + failures + " failure(s)");
        failures = 0;
      }
    }
  }
}
