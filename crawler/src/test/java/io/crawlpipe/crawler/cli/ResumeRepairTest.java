package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.store.AtomicFileSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What --resume and --append keep of an earlier file, drop with a warning, or refuse. */
@Timeout(60)
class ResumeRepairTest {
  @TempDir Path dir;
  private GatedSite site;
  private Path urls;

  @BeforeEach
  void start() throws IOException {
    site = new GatedSite();
    urls = Files.write(dir.resolve("urls.txt"), site.list(2, 0));
  }

  @AfterEach
  void stop() {
    site.close();
  }

  private static String line(String url) {
    return "{\"url\":\"" + url + "\",\"ok\":true,\"error\":null}\n";
  }

  @Test
  void appendKeepsACompleteLastLineThatLacksItsNewline() throws IOException {
    Path out = Files.writeString(dir.resolve("feed.jsonl"), line("http://a/") + line("http://b/").strip());
    CliRunner cli = new CliRunner();
    assertThat(cli.run("-q", "--append", "--out", out.toString(), urls.toString())).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(4).allMatch(l -> l.startsWith("{\"url\":\"http://") && l.endsWith("}"));
    assertThat(lines.subList(0, 2)).containsExactly(line("http://a/").strip(), line("http://b/").strip());
    assertThat(cli.stderr()).isEmpty();
  }

  @Test
  void resumeKeepsACompleteLastLineThatLacksItsNewline() throws IOException {
    Path out = Files.writeString(dir.resolve("r.jsonl"), line(site.url("/fast/0")).strip());
    CliRunner cli = new CliRunner();
    assertThat(cli.run("--resume", "--out", out.toString(), urls.toString())).isZero();
    assertThat(Files.readAllLines(out)).hasSize(2).first().isEqualTo(line(site.url("/fast/0")).strip());
    assertThat(cli.stderr()).contains("crawl: resumed after 1 finished line (1 ok, 0 failed); 1 URL,");
    assertThat(site.requests("/fast/0")).isZero();
  }

  @Test
  void resumeThatFindsNothingToContinueSaysSoNamingADatedName() {
    CliRunner cli = new CliRunner();
    String dated = dir.resolve("r-{date}.jsonl").toString();
    assertThat(cli.run("-q", "--resume", "--out", dated, urls.toString())).isZero();
    assertThat(cli.stderr().lines()).singleElement().asString()
        .startsWith("crawl: warning: --resume: no earlier results at " + dir.resolve("r-"))
        .endsWith("; crawling the whole list (" + dated + " names this run's file: to finish an earlier run's, give"
            + " its name)").contains(".jsonl (nor its .partial);");
    CliRunner appending = new CliRunner();
    assertThat(appending.run("-q", "--append", "--resume", "--out", dir.resolve("feed.jsonl").toString(),
        urls.toString())).isZero();
    assertThat(appending.stderr().strip()).isEqualTo("crawl: warning: --resume: no earlier results at "
        + dir.resolve("feed.jsonl") + "; crawling the whole list");
  }

  @Test
  void resumeOfAFinishedFileCrawlsNothingAndSaysSoEvenWhenQuiet() throws IOException {
    Path out = dir.resolve("r.jsonl");
    assertThat(new CliRunner().run("-q", "--out", out.toString(), urls.toString())).isZero();
    List<String> complete = Files.readAllLines(out);
    CliRunner again = new CliRunner();
    assertThat(again.run("-q", "--resume", "--out", out.toString(), urls.toString())).isZero();
    assertThat(again.stderr().lines()).singleElement().asString().isEqualTo("crawl: warning: --resume: every URL of"
        + " the list already has a line in " + out + "; nothing was crawled (--resume finishes an interrupted run; a"
        + " new run is without it)");
    assertThat(Files.readAllLines(out)).isEqualTo(complete);
    assertThat(site.requests("/fast/0")).isEqualTo(1);
  }

  @Test
  void resumeWithAChangedListSaysHowManyKeptLinesAreOfURLsNotInIt() throws IOException {
    Path out = dir.resolve("r.jsonl");
    Files.writeString(dir.resolve("r.jsonl.partial"), line("http://gone/1") + line("http://gone/2") + line(site.list(2, 0).get(0)));
    CliRunner cli = new CliRunner();
    assertThat(cli.run("-q", "--resume", "--out", out.toString(), urls.toString())).isZero();
    assertThat(cli.stderr().lines()).singleElement().asString().isEqualTo("crawl: warning: --resume: " + out
        + " keeps 2 finished lines of URLs not in this list (was the list changed?); they stay in the file and count"
        + " in the summary");
    assertThat(Files.readAllLines(out)).hasSize(4);
  }

  @Test
  void resumeWithTheSameListGivesNoChangedListWarning() throws IOException {
    Path out = dir.resolve("r.jsonl");
    Files.write(urls, List.of(site.list(2, 0).get(0), "  " + site.list(2, 0).get(1) + "\u00a0", "not a url", "ftp://x/"));
    assertThat(new CliRunner().run("-q", "--out", out.toString(), urls.toString())).isEqualTo(1);
    List<String> lines = Files.readAllLines(out);
    Files.writeString(out.resolveSibling("r.jsonl.partial"), String.join("\n", lines.subList(0, 3)) + "\n");
    Files.delete(out);
    CliRunner again = new CliRunner();
    assertThat(again.run("-q", "--resume", "--out", out.toString(), urls.toString())).isEqualTo(1);
    assertThat(again.stderr()).doesNotContain("warning");
    assertThat(Files.readAllLines(out)).hasSize(4);
  }

  @Test
  void appendWarnsWithTheByteCountWhenItDropsACutLine() throws IOException {
    Path out = Files.writeString(dir.resolve("feed.jsonl"), line("http://a/") + "{\"url\":\"http://cut");
    CliRunner cli = new CliRunner();
    assertThat(cli.run("-q", "--append", "--out", out.toString(), urls.toString())).isZero();
    assertThat(cli.stderr().strip()).isEqualTo("crawl: warning: dropped the last 18 bytes of '" + out
        + "': a line cut short by an earlier run (not JSON, no newline); its URL is crawled again");
    assertThat(Files.readAllLines(out)).hasSize(3);
  }

  @Test
  void resumeRefusesABadLineFollowedByGoodOnesAndChangesNothing() throws IOException {
    StringBuilder content = new StringBuilder(line("http://a/") + line("http://b/") + line("http://c/") + "not JSON\n");
    for (int i = 0; i < 40; i++) content.append(line("http://late/" + i));
    for (boolean append : new boolean[] {false, true}) {
      Path out = Files.writeString(dir.resolve(append + ".jsonl"), content);
      CliRunner cli = new CliRunner();
      String[] args = append ? new String[] {"--append", "--resume", "--out", out.toString(), urls.toString()}
          : new String[] {"--resume", "--out", out.toString(), urls.toString()};
      assertThat(cli.run(args)).isEqualTo(2);
      assertThat(cli.stderr().strip()).isEqualTo("crawl: '" + out + "' line 4 is not a crawlpipe result line (not JSON);"
          + " refusing to resume into it (move it away or fix it)");
      assertThat(Files.readString(out)).isEqualTo(content.toString());
      assertThat(AtomicFileSink.partialFile(out)).doesNotExist();
    }
    assertThat(site.requests("/fast/0")).isZero();
  }

  @Test
  void anotherToolsFileIsRefusedNotEmptiedOrReplaced() throws IOException {
    for (String content : List.of("hello\nfoo\n", "{\"name\":\"x\"}")) {
      Path out = Files.writeString(dir.resolve("other.jsonl"), content);
      CliRunner resume = new CliRunner();
      assertThat(resume.run("--resume", "--out", out.toString(), urls.toString())).isEqualTo(2);
      assertThat(resume.stderr().strip()).startsWith("crawl: '" + out + "' line 1 is not a crawlpipe result line")
          .endsWith("; refusing to resume into it (move it away or fix it)");
      CliRunner append = new CliRunner();
      assertThat(append.run("--append", "--out", out.toString(), urls.toString())).isEqualTo(2);
      assertThat(append.stderr().strip()).endsWith("; refusing to append to it (move it away or fix it)");
      assertThat(Files.readString(out)).isEqualTo(content);
    }
    assertThat(site.requests("/fast/0")).isZero();
  }

  @Test
  void appendResumeRefusesTheTemporaryFileOfARunWithoutAppend() throws IOException {
    Path out = Files.writeString(dir.resolve("r.jsonl"), line("http://old/"));
    Path partial = Files.writeString(AtomicFileSink.partialFile(out), line(site.url("/fast/0")));
    CliRunner resume = new CliRunner();
    assertThat(resume.run("--append", "--resume", "--out", out.toString(), urls.toString())).isEqualTo(2);
    assertThat(resume.stderr().strip()).isEqualTo("crawl: '" + partial + "' holds the unfinished results of a run"
        + " without --append; finish it with --resume without --append, or remove it; not starting");
    assertThat(partial).exists();
    assertThat(site.requests("/fast/0")).isZero();

    CliRunner append = new CliRunner();
    assertThat(append.run("-q", "--append", "--out", out.toString(), urls.toString())).isZero();
    assertThat(append.stderr().strip()).isEqualTo("crawl: warning: discarding " + partial
        + ", the unfinished results of an interrupted run without --append");
    assertThat(partial).doesNotExist();
    assertThat(Files.readAllLines(out)).hasSize(3);
  }

  @Test
  void theTemporaryFileOfARewriteThatNeverFinishedIsRemovedByTheNextRunWithAWarning() throws IOException {
    Path out = Files.writeString(dir.resolve("r.jsonl"), line(site.url("/fast/0")));
    Path inDefaultMode = Files.writeString(dir.resolve("r.jsonl.partial.resume"), line("http://half/"));
    Path withAppend = Files.writeString(dir.resolve("r.jsonl.resume"), line("http://half/"));
    CliRunner plain = new CliRunner();
    assertThat(plain.run("-q", "--out", out.toString(), urls.toString())).isZero();
    assertThat(plain.stderr().strip().lines()).containsExactly(
        "crawl: warning: removing " + inDefaultMode + ", the temporary file of a --resume rewrite that never finished"
            + " (the results it was made from are unchanged)",
        "crawl: warning: removing " + withAppend + ", the temporary file of a --resume rewrite that never finished"
            + " (the results it was made from are unchanged)");
    assertThat(inDefaultMode).doesNotExist();
    assertThat(withAppend).doesNotExist();

    Files.writeString(withAppend, line("http://half/"));
    CliRunner appendResume = new CliRunner();
    assertThat(appendResume.run("-q", "--append", "--resume", "--out", out.toString(), urls.toString())).isZero();
    assertThat(appendResume.stderr()).contains("crawl: warning: removing " + withAppend + ", ");
    assertThat(withAppend).doesNotExist();
    assertThat(Files.readAllLines(out)).hasSize(2).noneMatch(l -> l.contains("half"));
  }

  @Test
  void anEmptyOutputNameSaysSo() {
    for (String option : List.of("--out", "--log", "--stats", "--lock")) {
      CliRunner cli = new CliRunner();
      assertThat(cli.run(option, "", urls.toString())).isEqualTo(2);
      assertThat(cli.stderr().strip()).isEqualTo("crawl: invalid option: " + option + " '' is empty; give a file name");
    }
  }

  @Test
  void theTemporaryFilesOfResumeCannotBeNamedByAnotherOption() {
    String out = dir.resolve("r.jsonl").toString();
    // any run removes them when a rewrite left them, so none may be named, with --resume or not
    String[][] cases = {{"--resume", out + ".partial.resume"}, {"--append", "--resume", out + ".resume"},
        {out + ".resume"}, {"--append", out + ".partial.resume"}};
    for (String[] c : cases) {
      List<String> args = new java.util.ArrayList<>(List.of(c).subList(0, c.length - 1));
      args.addAll(List.of("--log", c[c.length - 1], "--out", out, urls.toString()));
      CliRunner cli = new CliRunner();
      assertThat(cli.run(args.toArray(String[]::new))).isEqualTo(2);
      assertThat(cli.stderr().strip()).isEqualTo("crawl: invalid option: --log '" + c[c.length - 1]
          + "' is the temporary file of --resume; they must differ");
    }
    assertThat(site.requests("/fast/0")).isZero();
  }
}
