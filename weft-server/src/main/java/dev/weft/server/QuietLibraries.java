package dev.weft.server;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the libraries' start-up notes (Jetty, Javalin, HikariCP, Flyway) out of the server's
 * log: only their warnings and errors pass. The loggers are held here, as java.util.logging
 * forgets the level of a logger nobody references.
 */
public final class QuietLibraries {
  private static final List<Logger> HELD = List.of("org.eclipse.jetty", "io.javalin", "com.zaxxer.hikari", "org.flywaydb")
      .stream().map(Logger::getLogger).toList();

  private QuietLibraries() {}

  public static void apply() {
    HELD.forEach(l -> l.setLevel(Level.WARNING));
  }
}
