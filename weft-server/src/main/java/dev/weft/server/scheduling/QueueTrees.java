package dev.weft.server.scheduling;

import dev.weft.model.QueueSpec;
import dev.weft.model.codec.SpecCodec;
import dev.weft.store.Database;
import dev.weft.store.QueueTree;
import java.time.Instant;

/**
 * Applies a new queue tree. The text is read with the model's codec first, so a tree with
 * mistakes is refused with every problem and its line ({@link dev.weft.model.codec.SpecException})
 * and the tree in force stays. The next scheduler round plans with the new tree.
 */
public final class QueueTrees {
  private final Database db;

  public QueueTrees(Database db) {
    this.db = db;
  }

  /** The tree in force (the default {@code root.default} fcfs tree before any is applied). */
  public QueueSpec current() {
    return SpecJson.queues(db.queueTree().current());
  }

  /**
   * Replaces the tree read at {@code expectedVersion} (0: none applied yet) with the tree in
   * {@code text} (JSON or YAML; {@code sourceName} names it in messages).
   *
   * @throws dev.weft.model.codec.SpecException when the text is not a valid queue tree
   * @throws dev.weft.store.StaleVersionException when another tree was applied since
   */
  public QueueTree apply(String text, String sourceName, long expectedVersion, Instant now) {
    QueueSpec tree = SpecCodec.readQueues(text, sourceName);
    return db.queueTree().replace(SpecJson.queues(tree), expectedVersion, now);
  }
}
