package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.store.AtomicFileSink;
import io.crawlpipe.store.OutputLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Symbolic links planted at the names crawlpipe chooses beside a results file (OUT.partial, OUT.lock)
 * never make a run write the files they point to: the run removes or refuses them, naming them.
 */
@Timeout(60)
class LinksBesideTheOutputTest extends GatedSiteTestBase {
  private static final String PRECIOUS = "precious\n";

  private Path precious(String name) throws IOException {
    return Files.writeString(dir.resolve(name), PRECIOUS);
  }

  @Test
  void aLinkAtThePartialNameIsRemovedWithAWarningAndWhatItNamesIsLeftAlone() throws IOException {
    Path v1 = precious("v1.txt");
    Path out = dir.resolve("x.jsonl");
    Path partial = Files.createSymbolicLink(AtomicFileSink.partialFile(out), v1.getFileName());
    CliRunner cli = new CliRunner();
    assertThat(cli.run("--out", out.toString(), urls.toString())).isZero();
    assertThat(v1).hasContent(PRECIOUS);
    assertThat(Files.isSymbolicLink(out)).isFalse();
    assertThat(Files.readAllLines(out)).hasSize(2);
    assertThat(cli.stderr()).contains("crawl: warning: removing " + partial + ", a symbolic link at the name of a"
        + " temporary file of " + out + " (it is never followed; the file it points to is left as it is)");
  }

  @Test
  void resumeRefusesALinkAtThePartialName() throws IOException {
    String line = "{\"url\":\"" + site.url("/fast/0") + "\",\"ok\":true,\"error\":null}\n";
    Path v1 = Files.writeString(dir.resolve("v1.txt"), line);
    Path out = dir.resolve("x.jsonl");
    Path partial = Files.createSymbolicLink(AtomicFileSink.partialFile(out), v1.getFileName());
    CliRunner cli = new CliRunner();
    assertThat(cli.run("--resume", "--out", out.toString(), urls.toString())).isEqualTo(2);
    assertThat(cli.stderr().strip()).isEqualTo("crawl: '" + partial + "' is a symbolic link, not unfinished results"
        + " this program wrote; refusing to resume from it (remove the link, or put the file it points to in its place)");
    assertThat(v1).hasContent(line);
    assertThat(out).doesNotExist();
  }

  @Test
  void aLinkAtTheOutputsLockIsRefusedAndALockFileTheUserNamedIsFollowed() throws IOException {
    Path v3 = precious("v3.txt");
    Path out = dir.resolve("x.jsonl");
    Path lock = Files.createSymbolicLink(OutputLock.besides(out), v3.getFileName());
    CliRunner cli = new CliRunner();
    assertThat(cli.run("--out", out.toString(), urls.toString())).isEqualTo(2);
    assertThat(cli.stderr().strip()).isEqualTo("crawl: lock file '" + lock + "' is a symbolic link, which is not"
        + " followed for the lock beside an output; not starting (remove it, or name a lock file with --lock)");
    assertThat(v3).hasContent(PRECIOUS);
    assertThat(out).doesNotExist();
    assertThat(AtomicFileSink.partialFile(out)).doesNotExist();

    Files.delete(lock);
    Path shared = precious("shared.lock");
    Path named = Files.createSymbolicLink(dir.resolve("crawl.lock"), shared.getFileName());
    assertThat(new CliRunner().run("--lock", named.toString(), "--out", out.toString(), urls.toString())).isZero();
    assertThat(Files.readAllLines(shared)).containsExactly(Long.toString(ProcessHandle.current().pid()),
        out.toAbsolutePath().toString());
  }
}
