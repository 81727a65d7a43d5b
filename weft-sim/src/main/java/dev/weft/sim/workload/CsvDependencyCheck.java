package dev.weft.sim.workload;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks that every dependency of a CSV workload names a job of the file and that they form no cycle. */
final class CsvDependencyCheck {
  private enum Mark { VISITING, DONE }

  private final Path file;
  private final List<SimJob> jobs;
  private final Map<String, SimJob> byId = new HashMap<>();
  private final Map<String, Integer> lineOf;
  private final Map<String, Mark> marks = new HashMap<>();

  CsvDependencyCheck(Path file, List<SimJob> jobs, Map<String, Integer> lineOf) {
    this.file = file;
    this.jobs = jobs;
    this.lineOf = lineOf;
    jobs.forEach(j -> byId.put(j.id(), j));
  }

  void run() {
    for (SimJob job : jobs) {
      for (String dep : job.spec().dependsOn()) {
        if (!byId.containsKey(dep)) {
          throw error(job.id(), "unknown job id '" + dep + "'");
        }
      }
    }
    jobs.forEach(job -> visit(job.id(), new ArrayList<>()));
  }

  /** Depth-first search; {@code path} is the chain of ids being visited, for the cycle message. */
  private void visit(String id, List<String> path) {
    Mark mark = marks.get(id);
    if (mark == Mark.DONE) {
      return;
    }
    path.add(id);
    if (mark == Mark.VISITING) {
      List<String> cycle = path.subList(path.indexOf(id), path.size());
      throw error(id, "dependency cycle " + String.join(" -> ", cycle));
    }
    marks.put(id, Mark.VISITING);
    for (String dep : byId.get(id).spec().dependsOn()) {
      visit(dep, path);
    }
    marks.put(id, Mark.DONE);
    path.remove(path.size() - 1);
  }

  private WorkloadException error(String id, String message) {
    return WorkloadException.at(file, lineOf.get(id), "column 'deps': " + message);
  }
}
