package dev.weft.server.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.server.api.Access;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The role matrix, cell by cell, as docs/api.md prints it. */
class RoleTest {
  @ParameterizedTest(name = "{0} on {1}: {2}")
  @CsvSource({
      "ADMIN, PUBLIC, true", "ADMIN, READ, true", "ADMIN, OPERATE, true", "ADMIN, ADMIN, true", "ADMIN, AGENT, true",
      "ADMIN, WORK, true",
      "OPERATOR, PUBLIC, true", "OPERATOR, READ, true", "OPERATOR, OPERATE, true", "OPERATOR, ADMIN, false", "OPERATOR, AGENT, false",
      "OPERATOR, WORK, true",
      "VIEWER, PUBLIC, true", "VIEWER, READ, true", "VIEWER, OPERATE, false", "VIEWER, ADMIN, false", "VIEWER, AGENT, false",
      "VIEWER, WORK, false",
      "AGENT, PUBLIC, true", "AGENT, READ, false", "AGENT, OPERATE, false", "AGENT, ADMIN, false", "AGENT, AGENT, true",
      "AGENT, WORK, false",
      "WORKER, PUBLIC, true", "WORKER, READ, false", "WORKER, OPERATE, false", "WORKER, ADMIN, false", "WORKER, AGENT, false",
      "WORKER, WORK, true",
  })
  void the_matrix(Role role, Access access, boolean allowed) {
    assertThat(role.allows(access)).isEqualTo(allowed);
  }
}
