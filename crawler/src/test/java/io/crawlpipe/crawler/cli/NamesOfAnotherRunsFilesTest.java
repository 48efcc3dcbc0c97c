package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An output, log or stats file named as a file a run on another output writes beside it ({@code
 * OUT.partial}, {@code OUT.lock}, {@code OUT.partial.resume}, {@code OUT.resume}) is refused: that
 * run's lock is {@code OUT.lock}, not this run's, so the two would write over each other.
 */
@Timeout(60)
class NamesOfAnotherRunsFilesTest extends GatedSiteTestBase {
  private static final String GIVE_ANOTHER = ": a run on that file and this one would write over each other; give a"
      + " name that does not end in .partial, .lock or .resume";

  @Test
  void anOutputNamedAsTheResultsInProgressOfAnotherRunIsRefusedAndTheyAreKept() throws IOException {
    Path partial = Files.writeString(dir.resolve("r.jsonl.partial"), "{\"url\":\"run A's line\"}\n");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("--out", partial.toString(), urls.toString())).isEqualTo(2);
    assertThat(cli.stderr()).isEqualTo("crawl: invalid option: --out '" + partial + "' is the name of a file crawlpipe"
        + " writes beside '" + dir.resolve("r.jsonl") + "' (its partial results)" + GIVE_ANOTHER + "\n");
    assertThat(Files.readString(partial)).isEqualTo("{\"url\":\"run A's line\"}\n");
    assertThat(dir.resolve("r.jsonl.partial.lock")).doesNotExist();
    assertThat(site.requests("/fast/0")).isZero();
  }

  @Test
  void anOutputLogOrStatsFileNamedAsAnyFileWrittenBesideAnotherOutputIsRefused() {
    String out = dir.resolve("mine.jsonl").toString();
    List<String> endings = List.of(".partial", ".lock", ".partial.resume", ".resume");
    List<String> what = List.of("its partial results", "its lock file", "a temporary file of --resume",
        "a temporary file of --resume");
    for (String option : List.of("--out", "--log", "--stats")) {
      for (int i = 0; i < endings.size(); i++) {
        Path named = dir.resolve("cr/r.jsonl" + endings.get(i));
        CliRunner cli = new CliRunner();
        String[] args = option.equals("--out") ? new String[] {"--out", named.toString(), urls.toString()}
            : new String[] {option, named.toString(), "--out", out, urls.toString()};
        assertThat(cli.run(args)).as(option + " " + named).isEqualTo(2);
        assertThat(cli.stderr()).isEqualTo("crawl: invalid option: " + option + " '" + named + "' is the name of a"
            + " file crawlpipe writes beside '" + dir.resolve("cr/r.jsonl") + "' (" + what.get(i) + ")" + GIVE_ANOTHER
            + "\n");
      }
    }
    assertThat(dir.resolve("cr")).doesNotExist();
    assertThat(site.requests("/fast/0")).isZero();
  }

  @Test
  void aLockNamedAsTheResultsInProgressOfAnotherRunIsRefusedAndTheyAreKept() throws IOException {
    Path partial = Files.writeString(dir.resolve("r1.jsonl.partial"), "{\"url\":\"http://a.test/\"}\n");
    Path out = dir.resolve("o2.jsonl");
    for (String lock : List.of(partial.toString(), dir.resolve("r1.jsonl.resume").toString())) {
      CliRunner cli = new CliRunner();
      assertThat(cli.run("-q", "--lock", lock, "--out", out.toString(), urls.toString())).as(lock).isEqualTo(2);
      assertThat(cli.stderr()).as(lock).startsWith("crawl: invalid option: --lock '" + lock + "' is the name of a file"
          + " crawlpipe writes beside '" + dir.resolve("r1.jsonl") + "'");
    }
    assertThat(Files.readString(partial)).isEqualTo("{\"url\":\"http://a.test/\"}\n");
    assertThat(out).doesNotExist();
  }

  @Test
  void aLockFileMayEndInLockAndANameThatIsOnlyTheEndingIsNoOtherRunsFile() throws IOException {
    Path out = dir.resolve(".partial");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("-q", "--lock", dir.resolve("crawl.lock").toString(), "--out", out.toString(), urls.toString()))
        .as(cli.stderr()).isZero();
    assertThat(Files.readAllLines(out)).hasSize(2);
  }
}
