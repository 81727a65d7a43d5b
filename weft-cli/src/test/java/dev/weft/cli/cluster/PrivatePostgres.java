package dev.weft.cli.cluster;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own ({@code initdb} + {@code pg_ctl} from
 * {@value #BIN}, or {@code -Dweft.test.postgres.bin=DIR}) in a temporary directory on a free
 * loopback port, for tests that stop or restart the database: the shared server on 5432 serves
 * other tests at the same time. Trust authentication, user {@code postgres}, {@code fsync=off}
 * (the test restarts it cleanly; it never crashes it). PostgreSQL refuses to run as root, so as
 * root every command runs as the user {@code postgres} ({@code runuser}). Skips the calling test
 * with a message when the binaries or that user are missing. {@link #close} stops it and deletes
 * its directory.
 */
final class PrivatePostgres implements AutoCloseable {
  static final String BIN = "/usr/lib/postgresql/15/bin";
  private static final Duration COMMAND_LIMIT = Duration.ofMinutes(2);
  private final Path bin;
  private final Path dir;
  private final int port;
  /** Stops the server and deletes it if the test JVM ends without {@link #close} (the build was stopped). */
  private final Thread stopAtExit = new Thread(this::closeQuietly, "stop-private-postgres");

  private PrivatePostgres(Path bin, Path dir, int port) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
  }

  /** Creates the cluster and starts it; skips the calling test when it cannot. */
  static PrivatePostgres start() throws IOException, InterruptedException {
    Path bin = Path.of(System.getProperty("weft.test.postgres.bin", BIN));
    assumeTrue(Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")),
        "no initdb/pg_ctl in " + bin + " (set -Dweft.test.postgres.bin=DIR), skipping: this test needs a PostgreSQL of its own");
    assumeTrue(!asRoot() || Files.isExecutable(Path.of("/usr/sbin/runuser")) && userExists("postgres"),
        "running as root without runuser or a user 'postgres' to run PostgreSQL as, skipping");
    Path dir = Files.createTempDirectory("weft-pg-");
    PrivatePostgres pg = new PrivatePostgres(bin, dir, ChildProcess.freeLoopbackPort());
    if (asRoot()) {
      run(List.of("chown", "postgres", dir.toString()), dir);
    }
    pg.pg("initdb", "-D", pg.data(), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8");
    Runtime.getRuntime().addShutdownHook(pg.stopAtExit);
    pg.startServer();
    return pg;
  }

  /** The JDBC URL of its {@code postgres} database. */
  String url() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
  }

  /** Stops the server ({@code pg_ctl stop -m fast}: sessions are ended, clients see their connections broken). */
  void stop() throws IOException, InterruptedException {
    pg("pg_ctl", "-D", data(), "-m", "fast", "-w", "stop");
  }

  /** Starts it again on the same port and data and waits until it accepts connections. */
  void startServer() throws IOException, InterruptedException {
    pg("pg_ctl", "-D", data(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "120", "-o",
        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100", "start");
  }

  @Override
  public void close() throws IOException, InterruptedException {
    try {
      Runtime.getRuntime().removeShutdownHook(stopAtExit);
    } catch (IllegalStateException exiting) {
      // called from the hook itself
    }
    try {
      pg("pg_ctl", "-D", data(), "-m", "immediate", "-w", "stop");
    } catch (IllegalStateException alreadyStopped) {
      // stopped by the test, or never started: nothing to stop
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private void closeQuietly() {
    try {
      close();
    } catch (IOException | InterruptedException | RuntimeException e) {
      System.err.println("cannot stop the private PostgreSQL in " + dir + ": " + e.getMessage());
    }
  }

  private String data() {
    return dir.resolve("data").toString();
  }

  private void pg(String program, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    if (asRoot()) {
      cmd.addAll(List.of("/usr/sbin/runuser", "-u", "postgres", "--"));
    }
    cmd.add(bin.resolve(program).toString());
    cmd.addAll(List.of(args));
    run(cmd, dir);
  }

  private static void run(List<String> cmd, Path dir) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", cmd) + " did not end within " + COMMAND_LIMIT.toSeconds() + " s");
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " exited with " + p.exitValue() + ":\n"
          + new String(out, StandardCharsets.UTF_8));
    }
  }

  private static boolean asRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static boolean userExists(String user) throws IOException {
    return Files.readAllLines(Path.of("/etc/passwd")).stream().anyMatch(l -> l.startsWith(user + ":"));
  }
}
