package dev.weft.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class IntakeUrlTest {
  @Test
  void only_h2_files_no_other_process_shares_get_an_intake() {
    assertThat(JdbcTransactor.h2File("jdbc:h2:file:/data/weft;MODE=PostgreSQL")).isEqualTo(Path.of("/data/weft"));
    assertThat(JdbcTransactor.h2File("jdbc:h2:/data/weft")).isEqualTo(Path.of("/data/weft"));
    assertThat(JdbcTransactor.h2File("jdbc:h2:./weft-data/weft")).isEqualTo(Path.of("weft-data/weft").toAbsolutePath());
    assertThat(JdbcTransactor.h2File("jdbc:h2:~/w")).isEqualTo(Path.of(System.getProperty("user.home"), "w"));
    assertThat(JdbcTransactor.h2File("jdbc:h2:file:/data/weft;AUTO_SERVER=TRUE")).isNull();
    assertThat(JdbcTransactor.h2File("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1")).isNull();
    assertThat(JdbcTransactor.h2File("jdbc:h2:tcp://localhost/~/x")).isNull();
    assertThat(JdbcTransactor.h2File("jdbc:postgresql://127.0.0.1/test")).isNull();
  }
}
