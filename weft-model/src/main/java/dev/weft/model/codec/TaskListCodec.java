package dev.weft.model.codec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.TaskSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A task file: {@code {tasks: [...]}} or a bare list. Across the tasks: ids are unique,
 * {@code dependsOn} names tasks of the same file (and not the task itself), and every member of
 * a gang gives the same size. Writing uses the {@code {tasks: [...]}} form.
 */
final class TaskListCodec {
  private static final List<String> FIELDS = List.of("tasks");

  private record Placed(TaskSpec task, Located at) {
  }

  private TaskListCodec() {
  }

  static List<TaskSpec> read(Located at) {
    Located list = at.node().isArray() ? at : tasksField(at);
    List<Placed> placed = new ArrayList<>();
    Map<String, Located> byId = new HashMap<>();
    for (Located element : list.elements()) {
      TaskSpec task = TaskCodec.read(element);
      if (task != null) {
        Located first = byId.putIfAbsent(task.id(), element);
        if (first != null) {
          element.field("id").problem("duplicate task id '" + task.id() + "' (first at " + first.pointer() + ")");
        }
        placed.add(new Placed(task, element));
      }
    }
    placed.forEach(p -> checkDependencies(p, byId));
    checkGangs(placed);
    return placed.stream().map(Placed::task).toList();
  }

  static ObjectNode write(List<TaskSpec> tasks) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ArrayNode list = out.putArray("tasks");
    tasks.forEach(t -> list.add(TaskCodec.write(t)));
    return out;
  }

  private static Located tasksField(Located at) {
    return at.expectObject(FIELDS) ? at.require("tasks") : at.field("tasks");
  }

  private static void checkDependencies(Placed p, Map<String, Located> byId) {
    List<Located> deps = p.at().field("dependsOn").elements();
    if (deps.size() != p.task().dependsOn().size()) {
      return;
    }
    for (int i = 0; i < p.task().dependsOn().size(); i++) {
      String dep = p.task().dependsOn().get(i);
      if (dep.equals(p.task().id())) {
        deps.get(i).problem("task '" + dep + "' cannot depend on itself");
      } else if (!byId.containsKey(dep)) {
        String near = ClosestName.of(dep, byId.keySet());
        String hint = near == null ? "" : " (did you mean '" + near + "'?)";
        deps.get(i).problem("depends on unknown task '" + dep + "'" + hint);
      }
    }
  }

  private static void checkGangs(List<Placed> placed) {
    Map<String, Placed> firstMember = new HashMap<>();
    for (Placed p : placed) {
      if (p.task().gang() == null) {
        continue;
      }
      Placed first = firstMember.putIfAbsent(p.task().gang(), p);
      if (first != null && first.task().gangSize() != p.task().gangSize()) {
        p.at().field("gang").field("size").problem("gang '" + p.task().gang() + "' has size " + p.task().gangSize()
            + " here but " + first.task().gangSize() + " at " + first.at().field("gang").field("size").pointer());
      }
    }
  }
}
