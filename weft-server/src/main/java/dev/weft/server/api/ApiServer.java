package dev.weft.server.api;

import dev.weft.server.api.auth.BearerAuth;
import dev.weft.server.api.auth.Caller;
import dev.weft.server.api.limits.CallerBuckets;
import dev.weft.server.api.tls.CertificateReloader;
import dev.weft.server.api.tls.ServerTls;
import dev.weft.server.outage.FailureStreak;
import dev.weft.store.StoreUnavailableException;
import io.javalin.Javalin;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.JavalinDefaultRouting;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

/**
 * The HTTP server: every registered route behind the access check, errors as problem details,
 * the OpenAPI document at {@value #OPENAPI_PATH}. Start it with {@link #start}; {@link #close}
 * stops it.
 */
public final class ApiServer implements AutoCloseable {
  public static final String OPENAPI_PATH = "/api/v1/openapi.json";
  static final String ROUTE_ATTRIBUTE = "weft.route";
  static final String CALLER_ATTRIBUTE = "weft.caller";

  /** Seconds a client is told to wait (Retry-After) when the database is away. */
  static final int RETRY_AFTER_SECONDS = 1;
  /** How long a stop waits for the requests under way to be answered. */
  static final java.time.Duration STOP_TIMEOUT = java.time.Duration.ofSeconds(5);
  private static final long DRAIN_LOOK_MILLIS = 5;
  private static final System.Logger LOG = System.getLogger(ApiServer.class.getName());

  private final Javalin app;
  private final RouteRegistry registry;
  private final StatisticsHandler requests = new StatisticsHandler();
  /** Looks for a renewed certificate, when HTTPS is served from files. */
  private final AtomicReference<CertificateReloader> reloader = new AtomicReference<>();
  private final java.time.Duration look;
  private final FailureStreak databaseAway = FailureStreak.logging("answering requests (503 while the database is away)", LOG);

  /**
   * @param onRequest called after every answer with the context, the matched route path
   *     ({@code "unmatched"} when none) and the handling time in milliseconds (for metrics)
   */
  public ApiServer(ApiSettings settings, List<ApiResource> resources, RequestObserver onRequest) {
    this.registry = new RouteRegistry();
    for (ApiResource r : resources) {
      r.register(registry);
    }
    OpenApiDocument openApi = new OpenApiDocument(registry);
    registry.add(openApi.route());
    BearerAuth auth = new BearerAuth(settings.tokens());
    this.look = settings.tls() == null ? ServerTls.DEFAULT_LOOK : settings.tls().look();
    this.app = Javalin.create(cfg -> configure(cfg, settings, auth, onRequest));
  }

  /** Observes each answered request. */
  @FunctionalInterface
  public interface RequestObserver {
    void answered(Context ctx, String route, float millis);
  }

  private void configure(JavalinConfig cfg, ApiSettings settings, BearerAuth auth, RequestObserver onRequest) {
    cfg.showJavalinBanner = false;
    cfg.startupWatcherEnabled = false;
    cfg.http.prefer405over404 = true;
    cfg.http.maxRequestSize = settings.bodyLimit();
    cfg.jetty.defaultHost = settings.bind();
    cfg.jetty.defaultPort = settings.port();
    if (settings.tls() != null) { // HTTPS only: the one connector, in place of Javalin's plain one
      cfg.jetty.addConnector((server, http) -> httpsConnector(server, http, settings));
    }
    cfg.jetty.modifyServer(server -> {
      server.setErrorHandler(new BadMessages());
      server.setHandler(requests); // counts the requests under way, for close()
    });
    cfg.requestLogger.http((ctx, ms) -> {
      if (ctx.statusCode() < 500) {
        databaseAway.succeeded();
      }
      onRequest.answered(ctx, ctx.attribute(ROUTE_ATTRIBUTE) instanceof String s ? s : "unmatched", ms);
    });
    cfg.router.mount(router -> {
      router.before(ctx -> ctx.attribute(Bodies.LIMIT_ATTRIBUTE, settings.bodyLimit()));
      CallerBuckets buckets = settings.rateLimit() == null ? null : new CallerBuckets(settings.rateLimit());
      router.beforeMatched(ctx -> admit(ctx, auth, buckets));
      for (ApiRoute r : registry.all()) {
        router.addHttpHandler(r.method(), r.path(), ctx -> {
          QueryParams.checkKnown(ctx, r.queryNames());
          r.handler().handle(ctx);
        }, r.access());
      }
      ProblemResponses.install(router, databaseAway);
    });
  }

  /**
   * A TLS connector (HTTP/1.1 inside) on the settings' address and port; with certificate files, a
   * reloader to serve them again when they change (started with the server).
   */
  private ServerConnector httpsConnector(Server server, HttpConfiguration http, ApiSettings settings) {
    ServerTls identity = settings.tls();
    SslContextFactory.Server tls = new SslContextFactory.Server();
    tls.setSslContext(identity.context());
    tls.setNeedClientAuth(identity.clientAuth()); // mutual TLS: no certificate of those authorities, no connection
    identity.files().ifPresent(files -> reloader.set(new CertificateReloader(tls, files, identity.fingerprint())));
    HttpConfiguration https = new HttpConfiguration(http);
    // clients reach servers by address as often as by name (an agent given https://10.0.0.5:8080):
    // the certificate's names are the client's check, as in any TLS client, not the server's
    https.addCustomizer(new SecureRequestCustomizer(false));
    ServerConnector c = new ServerConnector(server, tls, new HttpConnectionFactory(https));
    c.setHost(settings.bind());
    c.setPort(settings.port());
    return c;
  }

  /**
   * Access check of a matched route, then the caller's request rate (when limited; public routes
   * and the agent and worker protocols, the cluster's own work, are not); remembers the route path
   * for metrics.
   */
  private static void admit(Context ctx, BearerAuth auth, CallerBuckets buckets) {
    ctx.attribute(ROUTE_ATTRIBUTE, ctx.endpointHandlerPath());
    Access access = ctx.routeRoles().stream().filter(Access.class::isInstance).map(Access.class::cast)
        .findFirst().orElse(Access.ADMIN);
    Caller caller = auth.check(access, ctx.header("Authorization"));
    ctx.attribute(CALLER_ATTRIBUTE, caller);
    if (buckets != null && access != Access.PUBLIC && access != Access.AGENT && access != Access.WORK) {
      long waitNanos = buckets.take(caller.name(), System.nanoTime());
      if (waitNanos > 0) {
        long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        ctx.header("Retry-After", Long.toString(seconds));
        throw ProblemException.tooManyRequests("caller '" + caller.name() + "' may make "
            + buckets.rate().describe() + "; try again in " + seconds + " s");
      }
    }
  }

  /** Starts listening; returns this. */
  public ApiServer start() {
    app.start();
    CertificateReloader r = reloader.get();
    if (r != null) {
      r.start(look);
    }
    return this;
  }

  /** The port listened on (the chosen one when started with port 0). */
  public int port() {
    return app.port();
  }

  /** When the HTTPS certificate in service stops being valid; empty without certificate files. */
  public Optional<Instant> certificateNotAfter() {
    CertificateReloader r = reloader.get();
    return r == null ? Optional.empty() : r.notAfter();
  }

  public List<ApiRoute> routes() {
    return registry.all();
  }

  @Override
  /**
   * Stops listening once the requests under way are answered, waiting up to {@link #STOP_TIMEOUT}
   * (the server wakes its long polls first, so they answer at once with what they have) rather than
   * cutting their connections.
   */
  public void close() {
    long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
    try {
      while (requests.getRequestsActive() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(DRAIN_LOOK_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    CertificateReloader r = reloader.get();
    if (r != null) {
      r.close();
    }
    app.stop();
  }

  /** Installs one handler per exception type on the router; kept apart so the mapping reads as one table. */
  static final class ProblemResponses {
    private ProblemResponses() {}

    static void install(JavalinDefaultRouting router, FailureStreak databaseAway) {
      on(router, ProblemException.class, (e, ctx) -> {
        if (e.status() == 401) {
          ctx.header("WWW-Authenticate", "Bearer");
        }
        Replies.problem(ctx, e.toProblem(ctx.path()));
      });
      on(router, StoreUnavailableException.class, (e, ctx) -> {
        databaseAway.failed(e);
        ctx.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        Replies.problem(ctx, ProblemException.unavailable("the database is unavailable (restarting or unreachable);"
            + " try again shortly (a start again with the same Idempotency-Key)").toProblem(ctx.path()));
      });
      on(router, InterruptedException.class, (e, ctx) -> { // a wait cut short: the server is stopping
        Thread.currentThread().interrupt();
        ctx.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        Replies.problem(ctx, ProblemException.unavailable("the server is stopping; ask again (another server, or"
            + " this one once back)").toProblem(ctx.path()));
      });
            on(router, HttpResponseException.class, (e, ctx) -> Replies.problem(ctx, fromJavalin(e.getStatus(), e.getMessage(), ctx)));
      on(router, Exception.class, (e, ctx) -> {
        LOG.log(System.Logger.Level.ERROR,
            "unexpected error answering " + ctx.method() + " " + ctx.path(), e);
        Replies.problem(ctx, new Problem("about:blank", "Internal server error", 500,
            "an unexpected error occurred; it is logged on the server", ctx.path(), List.of()));
      });
      for (int status : new int[] {404, 405}) {
        router.error(status, "*", ctx -> {
          if (!Problem.MEDIA_TYPE.equals(ctx.res().getContentType())) {
            Replies.problem(ctx, fromJavalin(status, null, ctx));
          }
        });
      }
    }

    private static <E extends Exception> void on(JavalinDefaultRouting router, Class<E> type, BiConsumer<E, Context> h) {
      router.exception(type, h::accept);
    }

    private static Problem fromJavalin(int status, String message, Context ctx) {
      String detail = switch (status) {
        case 404 -> "no route " + ctx.method() + " " + ctx.path();
        case 405 -> "method " + ctx.method() + " is not allowed on " + ctx.path();
        case 413 -> "the request body is too large";
        default -> message == null ? "" : message;
      };
      String title = switch (status) {
        case 404 -> "Not found";
        case 405 -> "Method not allowed";
        case 413 -> "Request body too large";
        default -> message == null ? "Error" : message;
      };
      return new Problem("about:blank", title, status, detail, ctx.path(), List.of());
    }
  }
}
