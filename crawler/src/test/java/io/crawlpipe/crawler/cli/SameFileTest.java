package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** When two of --out, --lock, --log and --stats name one file: hard links do; two descriptors of one file do not. */
@Timeout(60)
class SameFileTest extends GatedSiteTestBase {
  @Test
  void aHardLinkToTheResultsOrTheLogIsRefusedAsTheSameFile() throws IOException {
    Path out = Files.writeString(dir.resolve("r.jsonl"), "old\n");
    Path link = Files.createLink(dir.resolve("also.jsonl"), out);
    for (String option : List.of("--stats", "--log", "--lock")) {
      CliRunner cli = new CliRunner();
      assertThat(cli.run(option, link.toString(), "--append", "--out", out.toString(), urls.toString())).as(option)
          .isEqualTo(2);
      assertThat(cli.stderr().strip()).isEqualTo("crawl: invalid option: " + option + " and --out name the same file '"
          + link + "'; they must differ");
    }
    Path log = Files.writeString(dir.resolve("crawl.log"), "");
    Path stats = Files.createLink(dir.resolve("stats.json"), log);
    CliRunner cli = new CliRunner();
    assertThat(cli.run("--log", log.toString(), "--stats", stats.toString(), "--out", dir.resolve("new.jsonl").toString(),
        urls.toString())).isEqualTo(2);
    assertThat(cli.stderr().strip()).isEqualTo("crawl: invalid option: --stats and --log name the same file '" + stats
        + "'; they must differ");
    assertThat(Files.readString(out)).isEqualTo("old\n");
    assertThat(site.requests("/fast/0")).isZero();
  }

  @Test
  void aFileTheRunWritesBesideOneOptionCannotBeNamedByAnother() {
    String out = dir.resolve("a.jsonl").toString();
    String[][] cases = {
        {"--log", out + ".partial", "--out", out, "--log '" + out + ".partial' is the partial results of --out"},
        {"--stats", out + ".partial", "--out", out, "--stats '" + out + ".partial' is the partial results of --out"},
        {"--log", StatsReport.temporaryFile(dir.resolve("e")).toString(), "--stats", dir.resolve("e").toString(),
            "--log '" + StatsReport.temporaryFile(dir.resolve("e")) + "' is the temporary file of --stats"},
        {"--stats", dir.resolve("d.log.1").toString(), "--log", dir.resolve("d.log").toString(),
            "--stats '" + dir.resolve("d.log.1") + "' is a rolled log of --log"},
        {"--lock", dir.resolve("d.log.lock").toString(), "--log", dir.resolve("d.log").toString(),
            "--lock '" + dir.resolve("d.log.lock") + "' is the lock file of --log"},
    };
    for (String[] c : cases) {
      CliRunner cli = new CliRunner();
      List<String> args = new java.util.ArrayList<>(List.of(c[0], c[1], c[2], c[3]));
      if (!c[2].equals("--out")) args.addAll(List.of("--out", out));
      args.add(urls.toString());
      assertThat(cli.run(args.toArray(String[]::new))).as(c[4]).isEqualTo(2);
      assertThat(cli.stderr().strip()).isEqualTo("crawl: invalid option: " + c[4] + "; they must differ");
    }
    CliRunner appending = new CliRunner(); // --append discards an OUT.partial: no log may have that name
    assertThat(appending.run("-q", "--append", "--log", out + ".partial", "--out", out, urls.toString())).isEqualTo(2);
    assertThat(appending.stderr().strip()).isEqualTo("crawl: invalid option: --log '" + out
        + ".partial' is the partial results of --out; they must differ");
    assertThat(Files.exists(Path.of(out))).isFalse();
    assertThat(site.requests("/fast/0")).isZero();
  }

  @Test
  void twoDescriptorsOfOneFileAreToldApartByNumberAndBothWritten() throws IOException {
    Path log = Files.writeString(dir.resolve("cron.log"), "");
    try (FileChannel first = FileChannel.open(log, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        FileChannel second = FileChannel.open(log, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      List<Path> descriptors = OutputPathsTest.descriptorsOf(log);
      assumeTrue(descriptors.size() == 2, "needs /proc/self/fd");
      CliRunner cli = new CliRunner();
      assertThat(cli.run("-q", "--out", descriptors.get(0).toString(), "--stats", descriptors.get(1).toString(),
          urls.toString())).as(cli.stderr()).isZero();
    }
    assertThat(Files.readString(log)).contains("\"ok\":true", "\"results\" : 2");
  }
}
