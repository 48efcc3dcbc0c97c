package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @FILE} reads arguments from FILE; one that cannot be read is an error of its own, exit 2,
 * instead of a plain argument that picocli would pass on (and the error it then causes elsewhere).
 */
@Timeout(30)
class ArgumentFilesTest {
  @TempDir Path dir;

  @Test
  void aMissingArgumentFileIsNamedInsteadOfTakenAsAnArgument() throws IOException {
    Path list = Files.write(dir.resolve("ok.txt"), List.of("not a url"));  // nothing fetched
    Path out = dir.resolve("r.jsonl");
    CliRunner missing = new CliRunner();
    assertThat(missing.run("--out", out.toString(), "@" + dir.resolve("nope.txt"), list.toString())).isEqualTo(2);
    assertThat(missing.stderr().strip()).isEqualTo("crawl: cannot read argument file '" + dir.resolve("nope.txt")
        + "': no such file or directory (@FILE reads arguments from FILE; write @@ for an argument that starts with @)");
    assertThat(out).doesNotExist();

    Path args = Files.write(dir.resolve("run.args"), List.of("--out", out.toString()));
    CliRunner read = new CliRunner();
    assertThat(read.run("-q", "@" + args, list.toString())).as(read.stderr()).isEqualTo(1);
    assertThat(Files.readAllLines(out)).singleElement().asString().contains("invalid_url");
  }

  @Test
  void anArgumentFileNameTheFileNameEncodingCannotHoldIsRefusedNotReadAsAnotherFile() {
    String bad = dir.resolve("bad\uFFFD.args").toString(); // $'bad\xff.args' as a UTF-8 JVM reads it
    assertThat(ArgumentFiles.problem(new String[] {"@" + bad})).startsWith("cannot read argument file '" + bad
        + "': " + PathArguments.encodingReason() + " (");
  }

  @Test
  void aDirectoryAsArgumentFileIsNamedAndADoubledAtIsNoFile() {
    CliRunner directory = new CliRunner();
    assertThat(directory.run("@" + dir, "--out", dir.resolve("r.jsonl").toString())).isEqualTo(2);
    assertThat(directory.stderr().strip()).startsWith("crawl: cannot read argument file '" + dir + "': is a directory (");

    CliRunner doubled = new CliRunner();
    assertThat(doubled.run("--out", dir.resolve("r.jsonl").toString(), "@@" + dir.resolve("list"))).isEqualTo(2);
    assertThat(doubled.stderr().strip()).startsWith("crawl: cannot read URL file '@" + dir.resolve("list") + "'");
  }

  @Test
  void aFileNamedWithALeadingAtIsPointedToWhenItsArgumentFileIsMissing() throws IOException {
    // A file in the working directory whose own name starts with @: @NAME reads the file NAME.
    Path literal = Files.createTempFile(Path.of(""), "@list", ".txt");
    try {
      String arg = literal.getFileName().toString();
      assertThat(ArgumentFiles.problem(new String[] {arg})).startsWith("cannot read argument file '" + arg.substring(1)
          + "': no such file or directory (").endsWith("; to pass the file '" + arg + "' itself, write ./" + arg);
      assertThat(ArgumentFiles.problem(new String[] {"@" + dir.resolve("nope")})).doesNotContain("itself");
    } finally {
      Files.delete(literal);
    }
  }
}
