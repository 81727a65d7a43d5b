package dev.weft.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The child process of {@link KillDuringWritesContract}'s creation test: one thread creates
 * instances with their first decision on its own, {@code writers} more through a group committer,
 * forever, and prints {@code ack ID STATUS} once each creation returned. Whatever it printed must
 * survive a kill -9.
 */
public final class AckingCreator {
  private AckingCreator() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int writers = Integer.parseInt(args[1]);
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    Database db = Database.open(url);
    GroupCommitter committer = db.groupCommitter(64, Duration.ofMillis(2));
    ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
    for (int w = 0; w <= writers; w++) {
      boolean alone = w == 0;
      String prefix = "c" + w + "-";
      pool.submit(() -> {
        for (long n = 0; ; n++) {
          String id = prefix + n;
          InstanceStatus status = n % 2 == 0 ? InstanceStatus.COMPLETED : InstanceStatus.RUNNING;
          List<Command> commands = status == InstanceStatus.RUNNING
              ? List.of(new Command(new CommandId(id, "/do/0", 1), "call", JsonNodeFactory.instance.objectNode()))
              : List.of();
          Decision first = new Decision(id, 1, status, JsonNodeFactory.instance.objectNode().put("n", n),
              List.of(new NewEvent("Started", JsonNodeFactory.instance.objectNode().put("n", n))), commands);
          NewInstance fresh = new NewInstance(id, "key-" + id, "crash", 1, JsonNodeFactory.instance.objectNode());
          boolean done = alone ? db.events().createDecided(fresh, first, now)
              : committer.commit(() -> db.events().createDecided(fresh, first, now));
          if (!done) {
            throw new IllegalStateException("instance " + id + " was not created");
          }
          synchronized (System.out) {
            System.out.println("ack " + id + " " + status);
            System.out.flush();
          }
        }
      });
    }
    Thread.sleep(Long.MAX_VALUE);
  }
}
