package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A crawl in a child JVM whose standard input is redirected from its URL list ({@code < urls.txt}):
 * standard input named as an output is refused, and so is an output that is the file the list
 * {@code -} is read from, before anything is written; otherwise the results would be appended to
 * the list as it is read, without end. {@code --max-time} bounds the run should it start all the same.
 */
@Timeout(90)
class StandardInputAsAnOutputTest extends ListWriteRefusalTestBase {
  @Test
  void resultsToStandardInputAreRefused() throws Exception {
    assertThat(run("-q", "-o", "/dev/stdin", urls.toString())).isEqualTo("crawl: invalid option: --out '/dev/stdin'"
        + " is standard input, which is no place for results; give a file\n");
    assertThat(run("-q", "--log", "/proc/self/fd/0", "-o", dir.resolve("r.jsonl").toString(), urls.toString()))
        .isEqualTo("crawl: invalid option: --log '/proc/self/fd/0' is standard input, which is no place for the log;"
            + " give a file\n");
  }

  @Test
  void statsToStandardInputAreRefusedWithTheListOnStandardInput() throws Exception {
    assertThat(run("-q", "--stats", "/dev/fd/0", "-o", dir.resolve("r.jsonl").toString(), "-")).isEqualTo("crawl:"
        + " invalid option: --stats '/dev/fd/0' is standard input, which is no place for the stats; give a file\n");
  }

  @Test
  void resultsOntoTheFileTheListIsReadFromAreRefused() throws Exception {
    assertThat(run("-q", "-o", urls.toString(), "-")).isEqualTo("crawl: --out '" + urls
        + "' is the URL list '-' (standard input); refusing to overwrite it\n");
  }

  /** Runs {@code crawl < urls}, which must be refused ({@link #refused}) before it writes its results; returns its stderr. */
  private String run(String... args) throws IOException, InterruptedException {
    String stderr = refused(new ProcessBuilder(command(args)).redirectInput(urls.toFile())
        .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()));
    assertThat(dir.resolve("r.jsonl")).doesNotExist();
    return stderr;
  }
}
