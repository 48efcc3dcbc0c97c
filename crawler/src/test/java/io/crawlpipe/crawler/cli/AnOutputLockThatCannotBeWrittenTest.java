package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.store.OutputLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The lock file beside an output that the run creates but cannot write its PID into (a full disk)
 * is named in the run's one line, and is not left behind empty.
 */
@Timeout(60)
class AnOutputLockThatCannotBeWrittenTest extends GatedSiteTestBase {
  @Test
  void aFullDiskWhileTheLockIsWrittenNamesTheLockFileAndLeavesNone() throws Exception {
    FileSizeLimit.assumeAvailable();
    Path out = dir.resolve("r2.jsonl");
    Process crawl = new ProcessBuilder(FileSizeLimit.zeroFor(CrawlProcess.command("--out", out.toString(),
        urls.toString()))).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String stderr = new String(crawl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(crawl.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(crawl.exitValue()).isEqualTo(2);
    assertThat(stderr.strip()).isEqualTo("crawl: cannot write output '" + out + "': file too large for '"
        + OutputLock.besides(out) + "'");
    assertThat(OutputLock.besides(out)).doesNotExist();
    assertThat(site.requests("/fast/0")).isZero();
  }
}
