package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.store.OutputLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A directory or a named pipe at the name of the lock beside the output ({@code OUT.lock}) is
 * refused with exit 2 and one line saying that it is that lock and not a regular file, as a {@code
 * --lock} that is not one is; it is left as it is, and nothing is crawled.
 */
@Timeout(60)
class AnOutputLockThatIsNotAFileTest extends GatedSiteTestBase {
  private void refusedFor(Path lock, String what) {
    Path out = dir.resolve("r.jsonl");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("-q", "--out", out.toString(), urls.toString())).as(cli.stderr()).isEqualTo(2);
    assertThat(cli.stderr()).isEqualTo("crawl: lock file '" + lock + "', the lock beside the output '" + out + "', is "
        + what + "; a lock must be a regular file; not starting (move it away, or name a lock file with --lock)\n");
    assertThat(out).doesNotExist();
    assertThat(site.requests("/fast/0")).isZero();
  }

  @Test
  void aDirectoryAtTheOutputsLockIsNamedAsTheLockBesideTheOutput() throws IOException {
    Path lock = Files.createDirectory(OutputLock.besides(dir.resolve("r.jsonl")));
    refusedFor(lock, "a directory");
    assertThat(lock).isDirectory();
  }

  @Test
  void aNamedPipeAtTheOutputsLockIsNamedAsNotARegularFile() throws Exception {
    Path lock = OutputLock.besides(dir.resolve("r.jsonl"));
    Process mkfifo = new ProcessBuilder("mkfifo", lock.toString()).start();
    Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is needed for this test");
    refusedFor(lock, "not a regular file");
    assertThat(Files.isRegularFile(lock)).isFalse();
    assertThat(Files.exists(lock)).isTrue();
  }
}
