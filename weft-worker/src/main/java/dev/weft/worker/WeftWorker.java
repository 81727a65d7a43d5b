package dev.weft.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A worker for Weft's {@code worker} services: it long-polls the server's worker protocol for
 * calls waiting on its queues, runs the handler of each call's queue on a pool of threads, keeps
 * each call's lease with heartbeats (every third of the lease) while the handler runs, and reports
 * the handler's output, or its failure, as the call's result.
 *
 * <pre>{@code
 * try (WeftWorker w = WeftWorker.builder(URI.create("http://127.0.0.1:7070"))
 *     .token(System.getenv("WEFT_TOKEN")).name("ocr-1").threads(4)
 *     .handle("ocr-queue", call -> ocr(call.input()))
 *     .start()) {
 *   ... // runs until closed
 * }
 * }</pre>
 *
 * A handler that throws {@link WorkerFailure} chooses the error the workflow sees and whether the
 * call may be retried; any other exception is a retryable {@code runtime} error naming it. Whether
 * a retryable failure is tried again is the service's {@code contract.retry}. A call whose lease was
 * lost meanwhile (it ran out, the instance was cancelled) is not reported: the server refuses the
 * report and the worker goes on. A server that cannot be reached is polled again with a growing
 * pause (up to 30 s); nothing the handler returned is reported twice.
 */
public final class WeftWorker implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(WeftWorker.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

  /** Carries one call out: its output (any JSON), or an exception ({@link WorkerFailure} to choose the error). */
  @FunctionalInterface
  public interface Handler {
    JsonNode handle(Call call) throws Exception;
  }

  /** A call leased to this worker. */
  public record Call(String id, int attempt, String queue, String service, String version, String operation,
                     JsonNode input, Instant leaseUntil) {}

  private final WorkerClient client;
  private final String name;
  private final Map<String, Handler> handlers;
  private final Semaphore free;
  private final ExecutorService pool;
  private final ScheduledExecutorService heartbeats;
  private final Thread poller;
  private final Duration pollWait;
  private volatile boolean running = true;

  private WeftWorker(Builder b) {
    this.client = new WorkerClient(b.server, b.token, b.requestTimeout, b.tls);
    this.name = b.name;
    this.handlers = Map.copyOf(b.handlers);
    this.free = new Semaphore(b.threads);
    this.pollWait = b.pollWait;
    this.pool = Executors.newFixedThreadPool(b.threads, Thread.ofPlatform().name("weft-worker-" + name + "-", 1).factory());
    this.heartbeats = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().name("weft-worker-" + name + "-heartbeats").daemon().factory());
    this.poller = Thread.ofPlatform().name("weft-worker-" + name + "-poll").start(this::pollLoop);
  }

  public static Builder builder(URI server) {
    return new Builder(server);
  }

  /** The worker's name, as the server shows it on the calls it holds. */
  public String name() {
    return name;
  }

  private void pollLoop() {
    Duration pause = Duration.ofMillis(250);
    while (running) {
      try {
        free.acquire();
        int max = 1 + free.drainPermits();
        ArrayNode calls;
        try {
          calls = client.poll(name, handlers.keySet(), max, pollWait);
          pause = Duration.ofMillis(250);
        } catch (IOException | WorkerClient.RefusedException e) {
          free.release(max);
          LOG.log(System.Logger.Level.WARNING, "worker " + name + ": polling failed (" + e.getMessage()
              + "); trying again in " + pause.toMillis() + " ms");
          Thread.sleep(pause.toMillis());
          pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
          continue;
        }
        free.release(max - calls.size());
        for (JsonNode c : calls) {
          Call call = new Call(c.path("id").asText(), c.path("attempt").asInt(), c.path("queue").asText(),
              c.path("service").asText(), c.path("version").asText(), c.path("operation").asText(), c.get("input"),
              Instant.parse(c.path("leaseUntil").asText()));
          pool.execute(() -> carryOut(call));
        }
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void carryOut(Call call) {
    try {
      Duration lease = Duration.between(Instant.now(), call.leaseUntil());
      long every = Math.max(200, lease.toMillis() / 3);
      ScheduledFuture<?> beat = heartbeats.scheduleAtFixedRate(() -> heartbeat(call), every, every, TimeUnit.MILLISECONDS);
      ObjectNode result = JSON.createObjectNode().put("worker", name).put("attempt", call.attempt());
      String what;
      try {
        result.set("output", orNull(handlers.get(call.queue()).handle(call)));
        what = "complete";
      } catch (WorkerFailure f) {
        result.set("error", f.error());
        result.put("retryable", f.retryable());
        what = "fail";
      } catch (Exception e) {
        ObjectNode error = JSON.createObjectNode().put("type", "runtime").put("status", 500)
            .put("title", e.getClass().getSimpleName());
        if (e.getMessage() != null) {
          error.put("detail", e.getMessage());
        }
        result.set("error", error);
        what = "fail";
      } finally {
        beat.cancel(false);
      }
      report(call, what, result);
    } finally {
      free.release();
    }
  }

  private static JsonNode orNull(JsonNode n) {
    return n == null ? JSON.nullNode() : n;
  }

  private void heartbeat(Call call) {
    try {
      client.post("calls/" + call.id() + "/heartbeat", JSON.createObjectNode().put("worker", name).put("attempt", call.attempt()));
    } catch (IOException | WorkerClient.RefusedException e) {
      LOG.log(System.Logger.Level.WARNING, "worker " + name + ": heartbeat of call " + call.id() + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Reports, trying again while the server cannot be reached; a refusal (the lease was lost) is logged and dropped. */
  private void report(Call call, String what, ObjectNode body) {
    Duration pause = Duration.ofMillis(250);
    while (true) {
      try {
        client.post("calls/" + call.id() + "/" + what, body);
        return;
      } catch (WorkerClient.RefusedException e) {
        if (e.status() < 500 && e.status() != 429) { // 429: a proxy's rate limit; the result is still wanted
          LOG.log(System.Logger.Level.WARNING, "worker " + name + ": the server refused the result of call " + call.id()
              + " (" + e.getMessage() + ")");
          return;
        }
      } catch (IOException e) {
        LOG.log(System.Logger.Level.DEBUG, "reporting call " + call.id() + ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (Thread.currentThread().isInterrupted()) { // closed without waiting any longer
        return;
      }
      try {
        Thread.sleep(pause.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
    }
  }

  /** Stops polling and waits (up to a minute) for the calls being carried out to be reported. */
  @Override
  public void close() {
    running = false;
    poller.interrupt();
    try {
      poller.join(Duration.ofMinutes(1));
      pool.shutdown();
      if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    } finally {
      heartbeats.shutdownNow();
      client.close();
    }
  }

  /** How to build a worker: the server, a token with the {@code worker} (or operator) role, a name, a handler per queue. */
  public static final class Builder {
    private final URI server;
    private String token;
    private String name = "worker-" + ProcessHandle.current().pid();
    private final Map<String, Handler> handlers = new LinkedHashMap<>();
    private int threads = 1;
    private Duration pollWait = Duration.ofSeconds(20);
    private Duration requestTimeout = Duration.ofSeconds(60);
    private SSLContext tls;

    private Builder(URI server) {
      this.server = Objects.requireNonNull(server, "server");
    }

    /** The bearer token (null: none, for a server that listens on loopback without tokens). */
    public Builder token(String token) {
      this.token = token;
      return this;
    }

    /** The worker's name (default {@code worker-<pid>}): 1-200 of A-Z a-z 0-9 . _ : @ -. */
    /**
     * Trusts an {@code https} server's certificate as {@code tls} says (one a private authority
     * signed: build it from that authority's certificate); without it, the JDK's default trust.
     */
    public Builder sslContext(SSLContext tls) {
      this.tls = tls;
      return this;
    }

    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /** Carries out the calls waiting on {@code queue} with {@code handler}. */
    public Builder handle(String queue, Handler handler) {
      handlers.put(Objects.requireNonNull(queue, "queue"), Objects.requireNonNull(handler, "handler"));
      return this;
    }

    /** How many calls run at once (default 1). */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1, got " + threads);
      }
      this.threads = threads;
      return this;
    }

    /** How long one poll waits on the server for a call (default 20 s, at most 60 s). */
    public Builder pollWait(Duration wait) {
      if (wait.isNegative() || wait.compareTo(Duration.ofSeconds(60)) > 0) {
        throw new IllegalArgumentException("pollWait must be 0 to 60 s, got " + wait);
      }
      this.pollWait = wait;
      this.requestTimeout = wait.plusSeconds(30);
      return this;
    }

    /** Starts polling. */
    public WeftWorker start() {
      if (handlers.isEmpty()) {
        throw new IllegalStateException("a worker needs at least one handler (handle(queue, handler))");
      }
      return new WeftWorker(this);
    }
  }
}
