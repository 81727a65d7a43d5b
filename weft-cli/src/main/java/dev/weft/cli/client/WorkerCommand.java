package dev.weft.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.weft.cli.UsageException;
import dev.weft.worker.WeftWorker;
import dev.weft.worker.WorkerFailure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code weft worker --queue Q -- COMMAND [ARGS...]}: a worker for services with a {@code worker}
 * behaviour that runs COMMAND once per call it leases, until stopped (SIGTERM / Ctrl-C; the calls
 * under way are finished and reported first). The call's input is COMMAND's standard input (JSON)
 * and {@code WEFT_INPUT}; its stdout is the output (JSON when it parses, else the text); a non-zero
 * exit fails the call, retryable, with the exit code and the end of stderr.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
    description = {"Carry out calls of worker services: run COMMAND for each call leased from the queues.",
        "COMMAND gets the input as JSON on stdin and in WEFT_INPUT (also WEFT_CALL_ID, WEFT_ATTEMPT, WEFT_SERVICE,"
            + " WEFT_VERSION, WEFT_OPERATION, WEFT_IDEMPOTENCY_KEY); its stdout is the output (JSON when it parses);"
            + " a non-zero exit fails the call (retried as the service's contract.retry allows)."})
public final class WorkerCommand implements Callable<Integer> {
  static final int MAX_OUTPUT = 1024 * 1024;
  static final int STDERR_TAIL = 4096;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,199}");
  private static final Pattern QUEUE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Mixin
  ServerConnection connection;

  @Option(names = "--queue", paramLabel = "QUEUE", required = true, description = "A queue to poll (repeat for more).")
  List<String> queues;

  @Option(names = "--name", paramLabel = "NAME", description = "The worker's name (default: worker-HOST-PID).")
  String name;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "Calls run at once (default ${DEFAULT-VALUE}).")
  int threads;

  @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The command run for each call, and its arguments.")
  List<String> command;

  @Override
  public Integer call() throws InterruptedException {
    URI base = checked();
    WeftWorker.Builder b = WeftWorker.builder(base).token(connection.token()).name(name).threads(threads)
        .sslContext(connection.trust());
    for (String q : queues) {
      b.handle(q, this::run);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    WeftWorker worker = b.start();
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
      worker.close();
      stopped.countDown();
    }));
    System.out.println("weft worker " + name + ": polling " + String.join(", ", queues) + " on " + base
        + " (" + threads + " at once); Ctrl-C stops it");
    stopped.await();
    return 0;
  }

  private URI checked() {
    if (name == null) {
      name = "worker-" + host() + "-" + ProcessHandle.current().pid();
    }
    if (!NAME.matcher(name).matches()) {
      throw new UsageException("--name: expected 1-200 of A-Z a-z 0-9 . _ : @ -, got '" + name + "'");
    }
    for (String q : queues) {
      if (!QUEUE.matcher(q).matches()) {
        throw new UsageException("--queue: expected a queue name (1-100 of A-Z a-z 0-9 . _ -), got '" + q + "'");
      }
    }
    if (threads < 1 || threads > 256) {
      throw new UsageException("--threads must be 1 to 256, got " + threads);
    }
    String server = connection.server();
    try {
      URI u = new URI(server);
      if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
        throw new UsageException("--server: expected an http(s) URL like http://127.0.0.1:8080, got '" + server + "'");
      }
      return u;
    } catch (URISyntaxException e) {
      throw new UsageException("--server: not a URL: '" + server + "'");
    }
  }

  private static String host() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "-");
    } catch (IOException e) {
      return "host";
    }
  }

  /** Runs the command for one call; its result as the call's. */
  JsonNode run(WeftWorker.Call call) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command);
    String input = JSON.writeValueAsString(call.input());
    Map<String, String> env = pb.environment();
    env.put("WEFT_INPUT", input);
    env.put("WEFT_CALL_ID", call.id());
    env.put("WEFT_ATTEMPT", Integer.toString(call.attempt()));
    env.put("WEFT_SERVICE", call.service());
    env.put("WEFT_VERSION", call.version());
    env.put("WEFT_OPERATION", call.operation());
    env.put("WEFT_IDEMPOTENCY_KEY", call.id());
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw WorkerFailure.permanent("Cannot run " + command.getFirst(), e.getMessage());
    }
    Thread feed = Thread.ofPlatform().daemon().start(() -> {
      try (OutputStream in = p.getOutputStream()) {
        in.write(input.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) { // the command did not read its input: fine
      }
    });
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread errors = Thread.ofPlatform().daemon().start(() -> tail(p.getErrorStream(), err));
    byte[] out = p.getInputStream().readNBytes(MAX_OUTPUT + 1);
    if (out.length > MAX_OUTPUT) {
      p.destroyForcibly();
      throw WorkerFailure.permanent("Output too large", command.getFirst() + " wrote more than " + MAX_OUTPUT
          + " bytes to stdout");
    }
    int exit = p.waitFor();
    feed.join(Duration.ofSeconds(5));
    errors.join(Duration.ofSeconds(5));
    String stderr;
    synchronized (err) {
      byte[] all = err.toByteArray();
      int from = Math.max(0, all.length - STDERR_TAIL);
      stderr = new String(all, from, all.length - from, StandardCharsets.UTF_8).strip();
    }
    if (exit != 0) {
      throw new WorkerFailure("runtime", 500, command.getFirst() + " exited with " + exit, stderr.isEmpty() ? null : stderr,
          true);
    }
    String text = new String(out, StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      return JSON.nullNode();
    }
    try {
      return JSON.readTree(text);
    } catch (IOException notJson) {
      return TextNode.valueOf(text);
    }
  }

  /** Keeps the last {@value #STDERR_TAIL} bytes of a stream. */
  private static void tail(InputStream s, ByteArrayOutputStream keep) {
    try (s) {
      byte[] buf = new byte[8192];
      for (int n = s.read(buf); n >= 0; n = s.read(buf)) {
        synchronized (keep) {
          keep.write(buf, 0, n);
          if (keep.size() > 2 * STDERR_TAIL) {
            byte[] all = keep.toByteArray();
            keep.reset();
            keep.write(all, all.length - STDERR_TAIL, STDERR_TAIL);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
