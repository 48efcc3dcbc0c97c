package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A crawl in a child JVM whose standard output or error is appended to its own URL list ({@code
 * ./crawl --out - urls.txt >> urls.txt}): refused before anything is written, since the list would
 * take the results or the summary, and a list that grows as it is read never ends. {@code
 * --max-time} bounds the run should it start all the same.
 */
@Timeout(90)
class ResultsAppendedToTheListTest extends ListWriteRefusalTestBase {
  @Test
  void resultsOnStdoutAppendedToTheListFileAreRefused() throws Exception {
    String stderr = refused(new ProcessBuilder(command("--out", "-", urls.toString())).redirectOutput(Redirect.appendTo(
        urls.toFile())).redirectError(dir.resolve("err.txt").toFile()));
    assertThat(stderr).isEqualTo("crawl: the URL file '" + urls + "' is the file standard output is open on, where"
        + " --out - writes the results; refusing to write into the list\n");
  }

  @Test
  void theSummaryOnStderrAppendedToTheListFileIsRefused() throws Exception {
    Path err = dir.resolve("err.txt");
    Process crawl = new ProcessBuilder(command("--out", dir.resolve("r.jsonl").toString(), urls.toString()))
        .redirectError(Redirect.appendTo(urls.toFile())).redirectOutput(err.toFile()).start();
    assertThat(crawl.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(crawl.exitValue()).isEqualTo(2);
    assertThat(Files.readString(urls)).isEqualTo(list + "crawl: the URL file '" + urls + "' is the file standard error"
        + " is open on, where the summary and warnings go; refusing to write into the list\n");
    assertThat(dir.resolve("r.jsonl")).doesNotExist();
    assertThat(site.requests("/fast/0")).isZero();
  }

  @Test
  void resultsOnStdoutAppendedToTheListOnStdinAreRefused() throws Exception {
    String stderr = refused(new ProcessBuilder(command("--out", "-", "-")).redirectInput(urls.toFile())
        .redirectOutput(Redirect.appendTo(urls.toFile())).redirectError(dir.resolve("err.txt").toFile()));
    assertThat(stderr).isEqualTo("crawl: the URL list '-' (standard input) is the file standard output is open on,"
        + " where --out - writes the results; refusing to write into the list\n");
  }
}
