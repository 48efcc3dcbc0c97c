package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.store.AtomicFileSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A directory at the name of the output's {@code OUT.partial} is refused in every mode with one
 * line naming it (not the output), exit 2: it is never taken for an interrupted run's results,
 * discarded or deleted, and nothing is crawled.
 */
@Timeout(60)
class APartialThatIsNotAFileTest extends GatedSiteTestBase {
  private static final String OLD = "{\"url\":\"http://127.0.0.1/old\",\"ok\":true,\"error\":null}\n";

  /** Runs with {@code options} on {@code dir.jsonl} beside a directory {@code dir.jsonl.partial}; checks what it leaves. */
  private void refusedWith(String... options) throws IOException {
    Path out = Files.writeString(dir.resolve("dir.jsonl"), OLD);
    Path partial = Files.createDirectory(AtomicFileSink.partialFile(out));
    List<String> args = new ArrayList<>(List.of(options));
    args.addAll(List.of("-q", "--out", out.toString(), urls.toString()));
    CliRunner cli = new CliRunner();
    assertThat(cli.run(args.toArray(String[]::new))).as(cli.stderr()).isEqualTo(2);
    assertThat(cli.stderr()).isEqualTo("crawl: '" + partial + "' is a directory, not unfinished results this program"
        + " wrote; move it away (a run without --append keeps its results under that name until they are complete);"
        + " not starting\n");
    assertThat(partial).isDirectory();
    assertThat(Files.readString(out)).isEqualTo(OLD);
    assertThat(site.requests("/fast/0")).isZero();
  }

  @Test
  void resumeNamesTheDirectory() throws IOException {
    refusedWith("--resume");
  }

  @Test
  void aNewRunNamesItRatherThanDiscardingIt() throws IOException {
    refusedWith();
  }

  @Test
  void appendNeitherDiscardsNorDeletesIt() throws IOException {
    refusedWith("--append");
  }

  @Test
  void appendAndResumeNameIt() throws IOException {
    refusedWith("--append", "--resume");
  }
}
