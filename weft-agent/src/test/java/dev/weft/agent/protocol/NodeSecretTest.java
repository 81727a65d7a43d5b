package dev.weft.agent.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node secret kept across agent restarts, in a real directory. */
class NodeSecretTest {
  @TempDir
  Path dir;

  @Test
  void a_secret_kept_in_a_file_is_presented_by_the_next_agent_for_the_same_name_only() throws Exception {
    Path file = dir.resolve("state/node-secret.json");
    NodeSecret first = NodeSecret.keptIn(file);
    assertThat(first.forNode("n1")).isEmpty();
    assertThat(first.current()).isNull();
    first.keep("n1", "s3cret");
    assertThat(first.current()).isEqualTo("s3cret");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

    NodeSecret restarted = NodeSecret.keptIn(file);
    assertThat(restarted.forNode("n1")).contains("s3cret");
    assertThat(restarted.forNode("n2")).as("renamed agent: a new node").isEmpty();
    restarted.keep("n2", "other");
    assertThat(NodeSecret.keptIn(file).forNode("n2")).contains("other");
    assertThat(NodeSecret.keptIn(file).forNode("n1")).isEmpty();
  }

  @Test
  void a_file_that_cannot_be_read_is_no_secret() throws Exception {
    Path file = dir.resolve("node-secret.json");
    Files.writeString(file, "{not json");
    assertThat(NodeSecret.keptIn(file).forNode("n1")).isEmpty();
    assertThat(NodeSecret.inMemory().forNode("n1")).isEmpty();
  }
}
