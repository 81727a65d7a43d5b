package dev.weft.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;

/** One in-process run of the {@code weft} command with its exit code and captured output. */
public record WeftRun(int exitCode, String out, String err) {
  public static WeftRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cli = WeftCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new WeftRun(code, out.toString(), err.toString());
  }

  /** The path of a test workload under {@code src/test/resources/workloads}. */
  public static String workload(String name) {
    try {
      return Path.of(Objects.requireNonNull(WeftRun.class.getResource("/workloads/" + name), name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
