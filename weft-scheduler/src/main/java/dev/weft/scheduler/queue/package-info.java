/**
 * The queue layer: what runs next. {@link dev.weft.scheduler.queue.QueueTree} resolves guarantees
 * and maxima down the tree and tracks usage; {@link dev.weft.scheduler.queue.QueueTree#next}
 * walks from the root to the most deserving leaf (below-guarantee children first, then dominant
 * resource fairness weighted by {@code weight}); each leaf orders its tasks with its policy
 * ({@link dev.weft.scheduler.queue.LeafOrders}).
 */
package dev.weft.scheduler.queue;
