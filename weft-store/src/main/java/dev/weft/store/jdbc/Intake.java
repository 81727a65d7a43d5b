package dev.weft.store.jdbc;

import dev.weft.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The write-ahead intake of an H2 file database: new instances created with their first decision
 * ({@link DecidedRow}) are committed by appending them to the {@link IntakeLog} and inserted into
 * H2 afterwards, many per H2 transaction, by an applier thread. H2 writes a new chunk of every
 * B-tree page a commit changed, so one small commit per instance costs about 24 KB and, under
 * minutes of load, a first-fit search of the file's free space; one frame in the log costs the
 * row's own bytes.
 *
 * <p>Nothing reads around it: before any other store call the transactor waits until everything
 * appended so far is in H2 ({@link #awaitApplied}), and until then a row is pending here. An id or
 * idempotency key is claimed by one transaction at a time ({@link #claim}), so a key is never
 * both pending here and inserted by another transaction. When the database is opened the rows
 * left in the log by a process that died are inserted (a row already there is skipped), the file
 * is synced, and the log is emptied. A segment of the log is deleted once its rows are in H2 and
 * H2's file has been synced ({@code CHECKPOINT SYNC}).
 */
final class Intake implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Intake.class.getName());
  private static final long SEGMENT_BYTES = 8L << 20;
  private static final int APPLY_BATCH = 2_000;
  private static final int MAX_PENDING = 20_000;
  private static final long APPLY_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  private static final Duration CLAIM_WAIT = Duration.ofSeconds(10);
  private static final Map<Path, Intake> OPEN = new HashMap<>();

  /** What {@link #claim} found. */
  enum Claim {
    /** Claimed for the owner until {@link #release}. */
    CLAIMED,
    /** A row with this id or key is pending in the intake. */
    PENDING,
    /** The owner claimed it before. */
    OWN
  }

  private record Entry(long seq, DecidedRow row) {}

  private record Closed(long segment, long lastSeq) {}

  private final Path dir;
  private final IntakeLog log;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition released = lock.newCondition();
  private final Condition work = lock.newCondition();
  private final ArrayDeque<Entry> pending = new ArrayDeque<>();
  private final Set<String> pendingIds = new HashSet<>();
  private final Set<String> pendingKeys = new HashSet<>();
  private final Map<String, Object> claimedIds = new HashMap<>();
  private final Map<String, Object> claimedKeys = new HashMap<>();
  private final Map<Object, List<String[]>> claimsOf = new HashMap<>();
  private final ArrayDeque<Closed> closedSegments = new ArrayDeque<>();
  private final Object applying = new Object();
  private volatile long appended;
  private volatile long applied;
  private final IntakeWriter writer; // used under the monitor applying
  private Thread thread;
  private int users;
  private boolean open = true;

  private Intake(Path dir, String url) {
    this.dir = dir;
    this.log = IntakeLog.in(dir);
    this.writer = new IntakeWriter(url);
  }

  /**
   * The intake of the H2 file database at {@code url} (prepared by {@link Dialect#prepare}), kept in
   * {@code dir}; one per directory in this JVM, shared by every {@code Database} open on that file.
   * Inserts what a process that died left in the log before returning.
   */
  static Intake open(Path dir, String url) {
    Path key = dir.toAbsolutePath().normalize();
    synchronized (OPEN) {
      Intake i = OPEN.get(key);
      if (i == null) {
        i = new Intake(key, url);
        i.recover();
        i.thread = Thread.ofPlatform().name("weft-intake").daemon().start(i::applyUntilClosed);
        OPEN.put(key, i);
      }
      i.users++;
      return i;
    }
  }

  /** True when rows are appended that are not yet in H2. */
  boolean behind() {
    return applied < appended;
  }

  /** Returns once everything appended before the call is in H2. */
  void awaitApplied() {
    if (applied < appended) {
      apply(appended);
    }
  }

  /**
   * Claims an id and key for {@code owner} (a transaction), waiting while another transaction holds
   * either; PENDING when a row with either is in the intake, OWN when the owner has it already.
   */
  Claim claim(Object owner, String id, String key) {
    long deadline = System.nanoTime() + CLAIM_WAIT.toNanos();
    lock.lock();
    try {
      while (true) {
        if (pendingIds.contains(id) || pendingKeys.contains(key)) {
          return Claim.PENDING;
        }
        Object byId = claimedIds.get(id);
        Object byKey = claimedKeys.get(key);
        if (byId == owner || byKey == owner) {
          return Claim.OWN;
        }
        if (byId == null && byKey == null) {
          claimedIds.put(id, owner);
          claimedKeys.put(key, owner);
          claimsOf.computeIfAbsent(owner, o -> new ArrayList<>()).add(new String[] {id, key});
          return Claim.CLAIMED;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new StoreException("instance " + id + " (key " + key + ") is being created by another"
              + " transaction that did not end within " + CLAIM_WAIT.toSeconds() + " s");
        }
        released.awaitNanos(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting to create instance " + id, e);
    } finally {
      lock.unlock();
    }
  }

  /** Drops every claim of {@code owner}; call when its transaction has ended. */
  void release(Object owner) {
    lock.lock();
    try {
      List<String[]> mine = claimsOf.remove(owner);
      if (mine != null) {
        for (String[] c : mine) {
          claimedIds.remove(c[0], owner);
          claimedKeys.remove(c[1], owner);
        }
        released.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Commits the rows: once this returns they are in the log and visible to every later store call
   * (which waits for them to reach H2). The caller holds their claims until it returns.
   */
  void append(List<DecidedRow> rows) {
    List<byte[]> frames = new ArrayList<>(rows.size());
    for (DecidedRow r : rows) {
      frames.add(r.encode());
    }
    int backlog;
    lock.lock();
    try {
      if (!open) {
        throw new StoreException("the database is closed");
      }
      log.append(frames);
      for (DecidedRow r : rows) {
        pending.add(new Entry(++appended, r));
        pendingIds.add(r.id());
        pendingKeys.add(r.key());
      }
      if (log.size() >= SEGMENT_BYTES) {
        closedSegments.add(new Closed(log.rotate(), appended));
      }
      backlog = pending.size();
      work.signal();
    } finally {
      lock.unlock();
    }
    if (backlog > MAX_PENDING) {
      awaitApplied(); // the applier is behind: the writers help rather than let memory grow
    }
  }

  /** Inserts into H2 every row appended up to {@code target} (and any after it already there). */
  private void apply(long target) {
    synchronized (applying) {
      while (applied < target) {
        List<Entry> batch = new ArrayList<>();
        lock.lock();
        try {
          for (Entry e : pending) {
            if (batch.size() == APPLY_BATCH) {
              break;
            }
            batch.add(e);
          }
        } finally {
          lock.unlock();
        }
        if (batch.isEmpty()) {
          return;
        }
        int skipped = writer.insert(batch.stream().map(Entry::row).toList(), "applying the intake");
        if (skipped > 0) { // claims make this impossible; say so loudly should it ever happen
          LOG.log(System.Logger.Level.ERROR, "intake " + dir + ": " + skipped + " committed instance(s) found their id"
              + " or key taken in H2 and were not inserted");
        }
        lock.lock();
        try {
          for (int i = 0; i < batch.size(); i++) {
            DecidedRow r = pending.removeFirst().row();
            pendingIds.remove(r.id());
            pendingKeys.remove(r.key());
          }
          applied = batch.get(batch.size() - 1).seq();
        } finally {
          lock.unlock();
        }
      }
      retireSegments();
    }
  }

  /** Deletes the closed segments whose rows are all in H2, after syncing H2's file. */
  private void retireSegments() {
    long upTo = 0;
    lock.lock();
    try {
      while (!closedSegments.isEmpty() && closedSegments.peekFirst().lastSeq() <= applied) {
        upTo = closedSegments.removeFirst().segment();
      }
    } finally {
      lock.unlock();
    }
    if (upTo > 0) {
      writer.sync();
      lock.lock();
      try {
        log.deleteUpTo(upTo);
      } finally {
        lock.unlock();
      }
    }
  }

  /** What a process that died left in the log goes into H2, then the log starts empty. */
  private void recover() {
    List<byte[]> frames = log.readAll();
    if (!frames.isEmpty()) {
      List<DecidedRow> rows = new ArrayList<>(frames.size());
      for (byte[] f : frames) {
        try {
          rows.add(DecidedRow.decode(f));
        } catch (IOException e) {
          throw new StoreException("the intake log in " + dir + " holds a record this version cannot read ("
              + e.getMessage() + "); keep the directory and report it", e);
        }
      }
      int skipped = 0;
      synchronized (applying) {
        for (int from = 0; from < rows.size(); from += APPLY_BATCH) {
          skipped += writer.insert(rows.subList(from, Math.min(rows.size(), from + APPLY_BATCH)), "recovering the intake");
        }
        writer.sync();
      }
      LOG.log(System.Logger.Level.INFO, "intake " + dir + ": " + (rows.size() - skipped) + " instances recovered, "
          + skipped + " were already stored");
    }
    log.deleteAll();
  }

  private void applyUntilClosed() {
    while (true) {
      lock.lock();
      try {
        while (open && applied >= appended) {
          work.await(1, TimeUnit.SECONDS);
        }
        if (!open) {
          return;
        }
        work.awaitNanos(APPLY_EVERY_NANOS); // let a batch gather
      } catch (InterruptedException e) {
        return;
      } finally {
        lock.unlock();
      }
      try {
        awaitApplied();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "intake " + dir + ": applying failed, retrying in 1 s: " + e.getMessage());
        try {
          Thread.sleep(1000);
        } catch (InterruptedException stop) {
          return;
        }
      }
    }
  }

  /**
   * Releases one user; the last one stops the applier, applies what is left, syncs H2 and empties
   * the log (left in place, to be recovered, if that fails).
   */
  @Override
  public void close() {
    synchronized (OPEN) {
      if (--users > 0) {
        return;
      }
      OPEN.remove(dir);
    }
    lock.lock();
    try {
      open = false;
      work.signalAll();
    } finally {
      lock.unlock();
    }
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (applying) {
      try {
        apply(appended);
        writer.sync();
        lock.lock();
        try {
          log.deleteAll();
        } finally {
          lock.unlock();
        }
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "intake " + dir + ": left in place for the next open: " + e.getMessage());
        log.close();
      } finally {
        writer.close();
      }
    }
  }
}
