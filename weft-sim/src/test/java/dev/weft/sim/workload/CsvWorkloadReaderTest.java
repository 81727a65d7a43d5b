package dev.weft.sim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.model.TaskSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvWorkloadReaderTest {
  @TempDir
  Path dir;

  @Test
  void readsEveryColumnWhateverTheirOrder() throws IOException {
    Workload w = read("""
        deps,user,queue,priority,memory,cpu,estimate,runtime,submit,id,deadline
        ,alice,analytics.etl,70,2048,0.5,12.5,10,1.5,a,100
        """);

    SimJob a = w.jobs().get(0);
    TaskSpec s = a.spec();
    assertThat(a.id()).isEqualTo("a");
    assertThat(a.submitMillis()).isEqualTo(1_500);
    assertThat(a.runtimeMillis()).isEqualTo(10_000);
    assertThat(s.estimateMillis()).isEqualTo(12_500);
    assertThat(s.resources().cpuMillis()).isEqualTo(500);
    assertThat(s.resources().memoryMiB()).isEqualTo(2048);
    assertThat(s.priority()).isEqualTo(70);
    assertThat(s.queue()).isEqualTo("root.analytics.etl");
    assertThat(s.user()).isEqualTo("alice");
    assertThat(s.deadlineMillis()).isEqualTo(100_000);
    assertThat(w.format()).isEqualTo(WorkloadFormat.CSV);
  }

  @Test
  void onlyIdSubmitAndRuntimeAreRequiredAndTheRestHasDefaults() throws IOException {
    TaskSpec s = read("id,submit,runtime\nx,0,3\n").jobs().get(0).spec();

    assertThat(s.resources().cpuMillis()).isEqualTo(1_000);
    assertThat(s.resources().memoryMiB()).isZero();
    assertThat(s.priority()).isEqualTo(50);
    assertThat(s.queue()).isEqualTo("root.default");
    assertThat(s.estimateMillis()).as("without an estimate column the run time is a perfect estimate").isEqualTo(3_000);
    assertThat(s.dependsOn()).isEmpty();
  }

  @Test
  void anEmptyEstimateCellAlsoFallsBackToTheRunTime() throws IOException {
    TaskSpec s = read("id,submit,runtime,estimate\nx,0,3,\ny,0,3,5\n").jobs().get(0).spec();

    assertThat(s.estimateMillis()).isEqualTo(3_000);
  }

  @Test
  void blankCellsOfOptionalColumnsTakeTheDefault() throws IOException {
    TaskSpec s = read("id,submit,runtime,cpu,priority,queue\nx,0,3,,,\n").jobs().get(0).spec();

    assertThat(s.resources().cpuMillis()).isEqualTo(1_000);
    assertThat(s.priority()).isEqualTo(50);
    assertThat(s.queue()).isEqualTo("root.default");
  }

  @Test
  void skipsBlankLinesAndCommentsAndKeepsFileOrder() throws IOException {
    Workload w = read("""
        # a comment before the header
        id,submit,runtime

        c,0,1
        # another
        a,0,1
        b,0,1
        """);

    assertThat(w.jobs()).extracting(SimJob::id).containsExactly("c", "a", "b");
  }

  @Test
  void dependenciesAreSeparatedBySemicolonsOrSpacesAndMayNameLaterRows() throws IOException {
    Workload w = read("""
        id,submit,runtime,deps
        a,0,1,b;c
        b,0,1,c d
        c,0,1,
        d,0,1,
        """);

    assertThat(w.jobs().get(0).spec().dependsOn()).containsExactly("b", "c");
    assertThat(w.jobs().get(1).spec().dependsOn()).containsExactly("c", "d");
  }

  @Test
  void aByteOrderMarkBeforeTheHeaderIsIgnored() throws IOException {
    assertThat(read("\uFEFFid,submit,runtime\r\nx,0,1\r\n").jobs()).extracting(SimJob::id).containsExactly("x");
  }

  @Test
  void quotedCellsMayHoldCommas() throws IOException {
    assertThat(read("id,submit,runtime,user\nx,0,1,\"smith, j\"\n").jobs().get(0).spec().user()).isEqualTo("smith, j");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      a runtime that is not a number       | id,submit,runtime\\nx,0,x                 | 2: column 'runtime': expected a number of seconds, got "x"
      a negative submit time               | id,submit,runtime\\nx,-1,2                | 2: column 'submit': expected a number of seconds (not negative), got "-1"
      an empty required cell               | id,submit,runtime\\nx,,2                  | 2: column 'submit': is empty
      an empty id                          | id,submit,runtime\\n,0,2                  | 2: column 'id': is empty
      a cpu that is not a number           | id,submit,runtime,cpu\\nx,0,2,two         | 2: column 'cpu': expected a number of CPUs, got "two"
      a memory that is not a number        | id,submit,runtime,memory\\nx,0,2,4G       | 2: column 'memory': expected a number of MiB, got "4G"
      a fractional priority                | id,submit,runtime,priority\\nx,0,2,1.5    | 2: column 'priority': expected a whole number, got "1.5"
      a malformed queue path               | id,submit,runtime,queue\\nx,0,2,a..b      | 2: column 'queue': expected a dotted queue path such as root.analytics.etl, got "a..b"
      a duplicate id                       | id,submit,runtime\\nx,0,2\\nx,1,2         | 3: duplicate id 'x' (first on line 2)
      an unknown column                    | id,submit,runtime,colour\\nx,0,2,red      | 1: unknown column 'colour' (expected id, submit, runtime, estimate, cpu, memory, priority, queue, user, deadline, deps)
      a missing required column            | id,runtime\\nx,2                          | 1: missing required column 'submit'
      a column given twice                 | id,submit,runtime,id\\nx,0,2,x            | 1: column 'id' appears twice
      a row with too few fields            | id,submit,runtime\\nx,0                   | 2: expected 3 fields as in the header, got 2
      an unknown dependency                | id,submit,runtime,deps\\nx,0,2,y          | 2: column 'deps': unknown job id 'y'
      a dependency cycle                   | id,submit,runtime,deps\\na,0,1,b\\nb,0,1,a | 2: column 'deps': dependency cycle a -> b -> a
      a task that depends on itself        | id,submit,runtime,deps\\na,0,1,a          | 2: column 'deps': dependency cycle a -> a
      an unterminated quote                | id,submit,runtime\\n"x,0,1               | 2: unterminated quote
      """)
  void rejectsWithOneLineNamingFileLineAndColumn(String caseName, String content, String expected) throws IOException {
    Path file = Files.writeString(dir.resolve("w.csv"), content.replace("\\n", "\n") + "\n");

    assertThatThrownBy(() -> new CsvWorkloadReader().read(file)).isInstanceOf(WorkloadException.class)
        .hasMessage(file + ":" + expected);
  }

  @Test
  void anEmptyFileHasNoHeader() throws IOException {
    Path file = Files.writeString(dir.resolve("empty.csv"), "# nothing\n\n");

    assertThatThrownBy(() -> new CsvWorkloadReader().read(file)).isInstanceOf(WorkloadException.class)
        .hasMessage(file + ": empty workload (no header row)");
  }

  private Workload read(String content) throws IOException {
    return new CsvWorkloadReader().read(Files.writeString(dir.resolve("w.csv"), content));
  }
}
