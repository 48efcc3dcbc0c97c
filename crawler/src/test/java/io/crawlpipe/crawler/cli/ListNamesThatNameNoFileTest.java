package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A URL list named so that no file is meant: an empty name (which {@code Path.of} takes for the
 * working directory) and a name ending in {@code /} (which it drops, so {@code one.txt/} read
 * {@code one.txt}) are refused in one line, exit 2, before anything is written.
 */
class ListNamesThatNameNoFileTest {
  @TempDir Path dir;
  private final CliRunner cli = new CliRunner();

  private int crawl(String list) {
    return cli.run("-o", dir.resolve("r.jsonl").toString(), list);
  }

  @Test
  void anEmptyNameIsRefusedAsEmptyNotAsADirectory() {
    assertThat(crawl("")).isEqualTo(2);
    assertThat(cli.stderr().strip()).isEqualTo("crawl: cannot read URL file '': the name is empty; give a file name");
    assertThat(dir.resolve("r.jsonl")).doesNotExist();
  }

  @Test
  void aFileNamedWithATrailingSlashIsRefusedAsNotADirectory() throws IOException {
    Path one = Files.writeString(dir.resolve("one.txt"), "http://127.0.0.1:1/p\n");

    assertThat(crawl(one + "/")).isEqualTo(2);
    assertThat(cli.stderr().strip()).isEqualTo("crawl: cannot read URL file '" + one + "/': not a directory");
    assertThat(dir.resolve("r.jsonl")).doesNotExist();
  }

  @Test
  void aDirectoryOrAMissingNameWithATrailingSlashIsRefusedAsBefore() throws IOException {
    Path sub = Files.createDirectory(dir.resolve("sub"));
    assertThat(crawl(sub + "/")).isEqualTo(2);
    assertThat(cli.stderr().strip()).isEqualTo("crawl: cannot read URL file '" + sub + "/': is a directory");

    CliRunner missing = new CliRunner(); // one runner per run
    assertThat(missing.run("-o", dir.resolve("r.jsonl").toString(), dir + "/nope.txt/")).isEqualTo(2);
    assertThat(missing.stderr().strip())
        .isEqualTo("crawl: cannot read URL file '" + dir + "/nope.txt/': no such file or directory");
  }
}
