package dev.weft.model.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The examples of the module README are real specs: each one reads without a problem. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReadmeExamplesTest {
  private static final Pattern BLOCK = Pattern.compile("```(yaml|json)\\n(.*?)```", Pattern.DOTALL);

  @Test
  void every_yaml_and_json_example_in_the_readme_reads_cleanly() throws IOException {
    Path readme = Path.of(System.getProperty("weft.root", ".."), "weft-model", "README.md");
    Matcher m = BLOCK.matcher(Files.readString(readme));
    List<String> read = new ArrayList<>();
    while (m.find()) {
      String text = m.group(2);
      String source = "README." + m.group(1);
      if (text.startsWith("id:")) {
        read.add(SpecCodec.readNode(text, source).id());
      } else if (text.startsWith("tasks:")) {
        read.add(SpecCodec.readTasks(text, source).size() + " tasks");
      } else if (text.startsWith("name: root")) {
        read.add(SpecCodec.readQueues(text, source).name());
      } else {
        read.add(SpecCodec.readCluster(text, source).size() + " nodes");
      }
    }
    assertThat(read).containsExactly("gpu-7", "5041 nodes", "5041 nodes", "2 tasks", "root");
  }
}
