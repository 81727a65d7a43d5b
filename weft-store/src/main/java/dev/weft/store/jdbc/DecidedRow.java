package dev.weft.store.jdbc;

import dev.weft.store.Command;
import dev.weft.store.Decision;
import dev.weft.store.InstanceStatus;
import dev.weft.store.NewInstance;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A new instance with its first decision applied, as the columns it is written to: the
 * {@code weft_instance} row (its first decision's events in {@code head_events}), its
 * {@code weft_instance_active} entry when unfinished, and its outbox commands. The same values are
 * inserted directly or, on an H2 file, logged by the {@link Intake} first and inserted after.
 */
record DecidedRow(String id, String key, String definitionName, int definitionVersion, InstanceStatus status,
    String snapshot, long createdAt, String headEvents, int headEventCount, List<CommandRow> commands) {

  /** One outbox entry of the first decision. */
  record CommandRow(String id, String type, String payload) {}

  private static final int FORMAT = 1;

  DecidedRow {
    commands = List.copyOf(commands);
  }

  static DecidedRow of(NewInstance n, Decision first, Instant now) {
    return new DecidedRow(n.id(), n.idempotencyKey(), n.definitionName(), n.definitionVersion(), first.newStatus(),
        JsonColumns.write(first.newSnapshot()), now.toEpochMilli(), JournalHead.encode(first.events()),
        first.events().size(), commandRows(first.commands()));
  }

  /**
   * Inserts the row, its active entry and its commands in the connection's transaction; false, with
   * nothing written, when the id or the key is taken.
   */
  boolean insert(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO weft_instance (" + InstanceRows.COLUMNS
        + ", head_events, head_event_count) VALUES (?, ?, ?, ?, ?, ?, 2, NULL, NULL, ?, ?, ?, ?)"
        + " ON CONFLICT DO NOTHING")) { // version 2: created, then its first decision; no lease yet
      ps.setString(1, id);
      ps.setString(2, key);
      ps.setString(3, definitionName);
      ps.setInt(4, definitionVersion);
      ps.setString(5, status.name());
      ps.setString(6, snapshot);
      ps.setLong(7, createdAt);
      ps.setLong(8, createdAt);
      ps.setString(9, headEvents);
      ps.setInt(10, headEventCount);
      if (ps.executeUpdate() != 1) {
        return false;
      }
    }
    ActiveInstances.created(c, id, status);
    insertCommands(c, id, commands, createdAt);
    return true;
  }

  /** Inserts outbox entries of an instance (an id already there is left as it is). */
  static void insertCommands(Connection c, String instanceId, List<CommandRow> commands, long createdAt)
      throws SQLException {
    if (commands.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO weft_command (id, instance_id, type, payload,"
        + " created_at, done_at) VALUES (?, ?, ?, ?, ?, NULL) ON CONFLICT DO NOTHING")) {
      for (CommandRow cmd : commands) {
        ps.setString(1, cmd.id());
        ps.setString(2, instanceId);
        ps.setString(3, cmd.type());
        ps.setString(4, cmd.payload());
        ps.setLong(5, createdAt);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The columns of outbox entries. */
  static List<CommandRow> commandRows(List<Command> commands) {
    List<CommandRow> out = new ArrayList<>(commands.size());
    for (Command c : commands) {
      out.add(new CommandRow(c.id().value(), c.type(), JsonColumns.write(c.payload())));
    }
    return out;
  }

  /** The bytes the intake log keeps for this row. */
  byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + snapshot.length()
        + (headEvents == null ? 0 : headEvents.length()));
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      text(out, id);
      text(out, key);
      text(out, definitionName);
      out.writeInt(definitionVersion);
      text(out, status.name());
      text(out, snapshot);
      out.writeLong(createdAt);
      out.writeBoolean(headEvents != null);
      if (headEvents != null) {
        text(out, headEvents);
      }
      out.writeInt(headEventCount);
      out.writeInt(commands.size());
      for (CommandRow c : commands) {
        text(out, c.id());
        text(out, c.type());
        text(out, c.payload());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return bytes.toByteArray();
  }

  /**
   * The row {@link #encode} wrote.
   *
   * @throws IOException when the bytes are not such a row
   */
  static DecidedRow decode(byte[] bytes) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
    int format = in.readUnsignedByte();
    if (format != FORMAT) {
      throw new IOException("unknown intake record format " + format);
    }
    String id = text(in);
    String key = text(in);
    String definitionName = text(in);
    int definitionVersion = in.readInt();
    InstanceStatus status;
    try {
      status = InstanceStatus.valueOf(text(in));
    } catch (IllegalArgumentException e) {
      throw new IOException("unknown instance status in intake record of " + id, e);
    }
    String snapshot = text(in);
    long createdAt = in.readLong();
    String headEvents = in.readBoolean() ? text(in) : null;
    int headEventCount = in.readInt();
    int n = in.readInt();
    if (n < 0 || n > bytes.length) {
      throw new IOException("bad command count " + n + " in intake record of " + id);
    }
    List<CommandRow> commands = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      commands.add(new CommandRow(text(in), text(in), text(in)));
    }
    if (in.available() != 0) {
      throw new IOException(in.available() + " bytes left over in intake record of " + id);
    }
    return new DecidedRow(id, key, definitionName, definitionVersion, status, snapshot, createdAt, headEvents,
        headEventCount, commands);
  }

  private static void text(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String text(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) {
      throw new IOException("bad text length " + n);
    }
    return new String(in.readNBytes(n), StandardCharsets.UTF_8);
  }
}
