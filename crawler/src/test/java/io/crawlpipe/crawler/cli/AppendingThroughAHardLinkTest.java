package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two {@code --append} runs on one file reached through two hard links (so two {@code OUT.lock}
 * files) cannot both proceed: the second exits 75 with the usual line, whether it runs in this
 * process or another, and every URL is in the file once.
 */
@Timeout(60)
class AppendingThroughAHardLinkTest extends GatedSiteTestBase {
  private final ExecutorService runner = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopRunner() {
    runner.shutdownNow();
  }

  private void secondRunsAreRefused(String... mode) throws Exception {
    Path out = Files.createFile(dir.resolve("r.jsonl"));
    Path link = Files.createLink(dir.resolve("h.jsonl"), out);
    Path list = Files.write(dir.resolve("slow.txt"), site.list(0, 1));
    Future<Integer> first = runner.submit(() -> new CliRunner().run(args(mode, out, list)));
    assertThat(site.awaitGated(1)).isTrue();
    String expected = "crawl: another run (pid " + ProcessHandle.current().pid() + ") is writing '" + link
        + "' through another name for the same file (a hard link); not starting";

    CliRunner second = new CliRunner();
    assertThat(second.run(args(mode, link, list))).as(second.stderr()).isEqualTo(75);
    assertThat(second.stderr().strip()).isEqualTo(expected);
    CrawlProcess other = CrawlProcess.start(dir, args(mode, link, list));
    assertThat(other.exitCode()).as(other.stderr()).isEqualTo(75);
    assertThat(other.stderr().strip()).isEqualTo(expected);

    site.openGate();
    assertThat(first.get(30, TimeUnit.SECONDS)).isZero();
    assertThat(Files.readAllLines(out)).hasSize(1);
    assertThat(site.requests("/gated/0")).isEqualTo(1);
  }

  private static String[] args(String[] mode, Path out, Path list) {
    String[] args = new String[mode.length + 4];
    System.arraycopy(mode, 0, args, 0, mode.length);
    args[mode.length] = "-q";
    args[mode.length + 1] = "--out";
    args[mode.length + 2] = out.toString();
    args[mode.length + 3] = list.toString();
    return args;
  }

  @Test
  void aSecondAppendThroughAHardLinkExits75() throws Exception {
    secondRunsAreRefused("--append");
  }

  @Test
  void aSecondAppendResumeThroughAHardLinkExits75() throws Exception {
    secondRunsAreRefused("--append", "--resume");
  }
}
