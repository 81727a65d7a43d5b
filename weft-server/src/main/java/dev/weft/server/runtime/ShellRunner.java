package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.weft.workflow.decide.Command;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code run: shell} through {@link ProcessBuilder}: {@code command} (run by {@code sh -c} when
 * it has no {@code arguments}), {@code arguments} (an array or an object whose values are
 * appended), {@code environment}, plus {@code WEFT_IDEMPOTENCY_KEY} = the command's deterministic
 * id (a command repeated after a crash gets the same one, so a script can skip work it did).
 * The result is stdout (the DSL's default {@code return});
 * a non-zero exit code is a runtime fault whose detail has the code and stderr.
 */
final class ShellRunner {
  private ShellRunner() {}

  static JsonNode run(Command.RunShell c) throws CommandFault {
    JsonNode shell = c.shell();
    String command = shell.path("command").asText("");
    if (command.isBlank()) {
      throw new CommandFault("configuration", 400, "Bad shell", "run.shell.command is empty", c.step());
    }
    List<String> argv = new ArrayList<>();
    JsonNode args = shell.get("arguments");
    if (args == null || args.isEmpty()) {
      argv.addAll(List.of("sh", "-c", command));
    } else {
      argv.add(command);
      args.forEach(a -> argv.add(a.isTextual() ? a.asText() : a.toString()));
    }
    ProcessBuilder pb = new ProcessBuilder(argv);
    pb.environment().put("WEFT_IDEMPOTENCY_KEY", c.id());
    shell.path("environment").properties().forEach(e -> pb.environment().put(e.getKey(), e.getValue().asText()));
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
      String out = read(p.getInputStream());
      int code = p.waitFor();
      if (code != 0) {
        throw new CommandFault("runtime", 500, "Shell command failed",
            "exit code " + code + (err.join().isBlank() ? "" : ": " + err.join().strip()), c.step());
      }
      return TextNode.valueOf(out);
    } catch (IOException e) {
      throw new CommandFault("runtime", 500, "Shell command failed", "cannot start " + argv.getFirst() + ": " + e.getMessage(), c.step());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFault("runtime", 500, "Shell command interrupted", command, c.step());
    }
  }

  private static String read(java.io.InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
