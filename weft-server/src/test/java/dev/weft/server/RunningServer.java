package dev.weft.server;

import dev.weft.server.api.ApiResource;
import dev.weft.server.api.ApiSettings;
import dev.weft.server.api.Bodies;
import dev.weft.server.api.auth.Tokens;
import dev.weft.server.runtime.TestDb;
import dev.weft.server.scheduling.SchedulingSettings;
import java.nio.file.Path;
import java.util.List;

/** A {@link WeftServer} on a free loopback port and a database of its own; close it to drop both. */
public final class RunningServer implements AutoCloseable {
  private final TestDb.Place place;
  private final WeftServer server;
  private final Http http;

  private RunningServer(TestDb.Place place, WeftServer server) {
    this.place = place;
    this.server = server;
    this.http = new Http(server.port());
  }

  public static RunningServer start(TestDb db, Path dir, Tokens tokens, List<ApiResource> extra) {
    return start(db, dir, tokens, 2, extra);
  }

  /** A server whose engine carries commands out on {@code workers} threads. */
  public static RunningServer start(TestDb db, Path dir, Tokens tokens, int workers, List<ApiResource> extra) {
    QuietLibraries.apply();
    TestDb.Place place = db.place(dir);
    ApiSettings api = new ApiSettings("127.0.0.1", 0, tokens, Bodies.DEFAULT_LIMIT);
    return new RunningServer(place, WeftServer.start(new ServerSettings(place.url(), api, workers), extra));
  }

  /** A server that also serves the agent protocol and runs the scheduler loop. */
  public static RunningServer startScheduling(TestDb db, Path dir, Tokens tokens, SchedulingSettings scheduling) {
    QuietLibraries.apply();
    TestDb.Place place = db.place(dir);
    ApiSettings api = new ApiSettings("127.0.0.1", 0, tokens, Bodies.DEFAULT_LIMIT);
    return new RunningServer(place, WeftServer.start(new ServerSettings(place.url(), api, 2), scheduling, List.of()));
  }

  /** The database's URL (open a second handle on it to look at or prepare rows). */
  public String databaseUrl() {
    return place.url();
  }

  public Http http() {
    return http;
  }

  public WeftServer server() {
    return server;
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      place.dispose().run();
    }
  }
}
