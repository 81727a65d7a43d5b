package dev.weft.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The child process of {@link KillDuringWritesContract}: writers append decisions through a
 * group committer forever and print {@code ack ID VERSION} after each commit returns. Whatever
 * it printed must survive a kill -9.
 */
public final class AckingWriter {
  private AckingWriter() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int writers = Integer.parseInt(args[1]);
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    Database db = Database.open(url);
    GroupCommitter committer = db.groupCommitter(64, Duration.ofMillis(2));
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Runnable> loops = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      String id = "w-" + w;
      db.instances().create(new NewInstance(id, "key-" + id, "crash", 1, JsonNodeFactory.instance.objectNode()), now);
      loops.add(() -> {
        for (long v = 1; ; v++) {
          long expected = v;
          Decision d = new Decision(id, expected, InstanceStatus.RUNNING,
              JsonNodeFactory.instance.objectNode().put("step", expected),
              List.of(new NewEvent("stepDone", JsonNodeFactory.instance.objectNode().put("step", expected))),
              List.of(new Command(new CommandId(id, "/do/" + expected, 1), "call",
                  JsonNodeFactory.instance.objectNode())));
          long version = committer.commit(() -> db.events().append(d, now));
          synchronized (System.out) {
            System.out.println("ack " + id + " " + version);
            System.out.flush();
          }
        }
      });
    }
    loops.forEach(pool::submit);
    Thread.sleep(Long.MAX_VALUE);
  }
}
