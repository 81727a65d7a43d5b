package dev.weft.model.codec;

import dev.weft.model.Node;
import dev.weft.model.QueueSpec;
import dev.weft.model.Resources;
import dev.weft.model.TaskSpec;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Reads and writes Weft specs as JSON or YAML (the formats are in {@code weft-model/README.md}).
 *
 * <p>Every {@code read} either returns a valid value or throws one {@link SpecException} listing
 * every problem of the document, each with its JSON pointer and line; a file that cannot be read
 * is a {@code SpecException} too. The format comes from the file (or source) name's extension
 * ({@code .json}, {@code .yaml}, {@code .yml}), else from the content; a null source name shows
 * as {@code <input>}. Reads are pure and
 * thread-safe. {@code write} returns text that reads back to an equal value, leaving out fields
 * that hold their default; it expects a valid value (for example, no negative resources).
 */
public final class SpecCodec {
  private SpecCodec() {
  }

  /** A cluster file: {@code {nodes: [...]}} and/or {@code {generate: {...}}}. */
  public static List<Node> readCluster(Path file) {
    return readCluster(readText(file), file.toString());
  }

  public static List<Node> readCluster(String text, String sourceName) {
    return read(text, sourceName, ClusterCodec::read);
  }

  public static Node readNode(Path file) {
    return readNode(readText(file), file.toString());
  }

  public static Node readNode(String text, String sourceName) {
    return read(text, sourceName, NodeCodec::read);
  }

  /** A task file: {@code {tasks: [...]}} or a bare list of tasks. */
  public static List<TaskSpec> readTasks(Path file) {
    return readTasks(readText(file), file.toString());
  }

  public static List<TaskSpec> readTasks(String text, String sourceName) {
    return read(text, sourceName, TaskListCodec::read);
  }

  public static TaskSpec readTask(String text, String sourceName) {
    return read(text, sourceName, TaskCodec::read);
  }

  /** A queue tree; the document is the root queue. */
  public static QueueSpec readQueues(Path file) {
    return readQueues(readText(file), file.toString());
  }

  public static QueueSpec readQueues(String text, String sourceName) {
    return read(text, sourceName, QueueCodec::readTree);
  }

  /** A resource map like {@code {cpu: 2, memory: 4Gi}}. */
  public static Resources readResources(String text, String sourceName) {
    return read(text, sourceName, ResourcesCodec::read);
  }

  public static String writeCluster(List<Node> nodes, Format format) {
    return Trees.print(ClusterCodec.write(nodes), format);
  }

  public static String writeNode(Node node, Format format) {
    return Trees.print(NodeCodec.write(node), format);
  }

  public static String writeTasks(List<TaskSpec> tasks, Format format) {
    return Trees.print(TaskListCodec.write(tasks), format);
  }

  public static String writeTask(TaskSpec task, Format format) {
    return Trees.print(TaskCodec.write(task), format);
  }

  public static String writeQueues(QueueSpec root, Format format) {
    return Trees.print(QueueCodec.write(root), format);
  }

  public static String writeResources(Resources resources, Format format) {
    return Trees.print(ResourcesCodec.write(resources), format);
  }

  private static <T> T read(String text, String sourceName, Function<Located, T> codec) {
    String source = sourceName == null ? "<input>" : sourceName;
    Document document = DocumentReader.read(text, source, Format.choose(source, text));
    T value = document.readable() ? codec.apply(document.root()) : null;
    document.problems().throwIfAny();
    return value;
  }

  private static String readText(Path file) {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw unreadable(file, "no such file");
    } catch (AccessDeniedException e) {
      throw unreadable(file, "permission denied");
    } catch (CharacterCodingException e) {
      throw unreadable(file, "not UTF-8 text");
    } catch (IOException e) {
      throw unreadable(file, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  private static SpecException unreadable(Path file, String reason) {
    return new SpecException(file.toString(), List.of(new SpecProblem("", 0, "cannot read the file: " + reason)));
  }
}
