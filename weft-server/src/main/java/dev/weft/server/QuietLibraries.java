package dev.weft.server;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the libraries' start-up notes (Jetty, Javalin, HikariCP, Flyway) out of the server's
 * log: only their warnings and errors pass. HikariCP's notes on single connections (a connection
 * broken by a database restart, one that failed its validity check) come with a stack trace
 * each, several per outage: only their errors pass; Weft logs the outage itself in one line per
 * loop when it starts and one when it ends ({@link dev.weft.server.outage.FailureStreak}). The
 * loggers are held here, as java.util.logging forgets the level of a logger nobody references.
 */
public final class QuietLibraries {
  private static final List<Logger> WARNINGS_ONLY = loggers("org.eclipse.jetty", "io.javalin", "com.zaxxer.hikari",
      "org.flywaydb");
  private static final List<Logger> ERRORS_ONLY = loggers("com.zaxxer.hikari.pool.ProxyConnection",
      "com.zaxxer.hikari.pool.PoolBase");

  private QuietLibraries() {}

  public static void apply() {
    WARNINGS_ONLY.forEach(l -> l.setLevel(Level.WARNING));
    ERRORS_ONLY.forEach(l -> l.setLevel(Level.SEVERE));
  }

  private static List<Logger> loggers(String... names) {
    return List.of(names).stream().map(Logger::getLogger).toList();
  }
}
