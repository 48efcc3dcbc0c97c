package io.crawlpipe.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --resume}'s repair: what is kept, what is dropped (with a warning), what is refused. */
class ResultFileRepairTest {
  @TempDir Path dir;
  private final ResultFileRepair repair = new ResultFileRepair();
  private final List<String> finalUrls = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  static String line(String url, boolean ok, String errorType) {
    String error = errorType == null ? "null" : "{\"type\":\"" + errorType + "\",\"message\":\"m\"}";
    return "{\"url\":\"" + url + "\",\"ok\":" + ok + ",\"error\":" + error + "}\n";
  }

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private ResultFileScanner.Scan prepare(Path f) throws IOException {
    return repair.prepare(f, f, finalUrls::add, warnings::add);
  }

  @Test
  void scanReportsFinalLinesAndDropsACutLastLine() throws IOException {
    String whole = line("http://a/", true, null) + line("http://b/", false, "timeout");
    Path f = file("r.jsonl", whole + "{\"url\":\"http://c/\",\"ok\":tr");
    ResultFileScanner.Scan scan = new ResultFileScanner().scan(f, finalUrls::add);
    assertThat(finalUrls).containsExactly("http://a/", "http://b/");
    assertThat(scan.finalLines()).isEqualTo(2);
    assertThat(scan.finalFailed()).isEqualTo(1);
    assertThat(scan.validBytes()).isEqualTo(whole.getBytes(StandardCharsets.UTF_8).length);
    assertThat(scan.droppedBytes()).isEqualTo(26);
    assertThat(scan.needsRepair()).isTrue();
  }

  @Test
  void aCutLastLineIsTruncatedInPlaceWithAWarningNamingTheBytes() throws IOException {
    String whole = line("http://a/", true, null);
    Path f = file("r.jsonl", whole + "{\"url\":\"http://c/\"");
    prepare(f);
    assertThat(Files.readString(f)).isEqualTo(whole);
    assertThat(warnings).containsExactly("dropped the last 18 bytes of '" + f
        + "': a line cut short by an earlier run (not JSON, no newline); its URL is crawled again");
  }

  @Test
  void aCompleteLastLineWithoutItsNewlineIsKeptAndEnded() throws IOException {
    String a = line("http://a/", true, null);
    String b = line("http://b/", false, "dns");
    Path f = file("r.jsonl", a + b.strip());
    ResultFileScanner.Scan scan = prepare(f);
    assertThat(finalUrls).containsExactly("http://a/", "http://b/");
    assertThat(scan.finalFailed()).isEqualTo(1);
    assertThat(Files.readString(f)).isEqualTo(a + b);
    assertThat(warnings).isEmpty();
  }

  @Test
  void cancelledLinesAreRetriedSoTheyAreRemovedFromTheFile() throws IOException {
    String a = line("http://a/", true, null);
    String c = line("http://c/", false, "dns");
    Path f = file("r.jsonl", a + line("http://b/", false, "cancelled") + c + line("http://d/", true, "cancelled")
        + line("http://e/", true, null).strip());
    ResultFileScanner.Scan scan = prepare(f);
    assertThat(finalUrls).containsExactly("http://a/", "http://c/", "http://e/");
    assertThat(scan.cancelledLines()).isEqualTo(2);
    assertThat(Files.readString(f)).isEqualTo(a + c + line("http://e/", true, null));
    assertThat(ResultFileRepair.temporaryFile(f)).doesNotExist();
  }

  @Test
  void aCancelledLastLineWithoutNewlineLeavesNoEmptyLine() throws IOException {
    String a = line("http://a/", true, null);
    Path f = file("r.jsonl", a + line("http://b/", false, "cancelled").strip());
    prepare(f);
    assertThat(Files.readString(f)).isEqualTo(a);
  }

  @Test
  void aBadLineFollowedByGoodOnesIsRefusedAndNothingIsChanged() throws IOException {
    StringBuilder content = new StringBuilder(line("http://a/", true, null) + line("http://b/", false, "cancelled")
        + line("http://c/", true, null) + "not JSON\n");
    for (int i = 0; i < 40; i++) content.append(line("http://late/" + i, true, null));
    Path f = file("r.jsonl", content.toString());
    assertThatThrownBy(() -> prepare(f)).isInstanceOfSatisfying(ResultFileException.class, e -> {
      assertThat(e.line()).isEqualTo(4);
      assertThat(e.getMessage()).isEqualTo("'" + f + "' line 4 is not a crawlpipe result line (not JSON)");
    });
    assertThat(Files.readString(f)).isEqualTo(content.toString());
    assertThat(ResultFileRepair.temporaryFile(f)).doesNotExist();
  }

  @Test
  void zerosLeftByAPowerLossInTheMiddleAreRefusedAtTheEndDropped() throws IOException {
    String a = line("http://a/", true, null);
    Path middle = file("m.jsonl", a + "\0\0\0\0\n" + line("http://late/", true, null));
    assertThatThrownBy(() -> prepare(middle)).isInstanceOf(ResultFileException.class).hasMessageContaining("line 2 ");
    Path end = file("e.jsonl", a + "\0\0\0\0");
    prepare(end);
    assertThat(Files.readString(end)).isEqualTo(a);
    assertThat(warnings).singleElement().asString().startsWith("dropped the last 4 bytes of '" + end + "'");
  }

  @Test
  void anotherToolsFileIsRefusedNotEmptied() throws IOException {
    for (String content : List.of("hello\nfoo\n", "{\"name\":\"x\"}", "{\"name\":\"x\"}\n", "hello", "\n",
        line("http://a/", true, null) + "{\"name\":\"x\"}")) {
      Path f = file("other.jsonl", content);
      assertThatThrownBy(() -> prepare(f)).as(content).isInstanceOf(ResultFileException.class)
          .hasMessageContaining(" is not a crawlpipe result line");
      assertThat(Files.readString(f)).isEqualTo(content);
    }
    assertThat(warnings).isEmpty();
  }

  @Test
  void aFileHoldingOnlyTheCutFirstLineOfARunIsEmptied() throws IOException {
    Path f = file("r.jsonl", "{\"url\":\"http://a/\",\"o");
    ResultFileScanner.Scan scan = prepare(f);
    assertThat(scan.finalLines()).isZero();
    assertThat(f).isEmptyFile();
    assertThat(warnings).hasSize(1);
  }

  @Test
  void aTitleLongerThanJacksonsDefaultStringLimitReadsBack() throws IOException {
    String title = "t".repeat(100_000_001);
    Path f = file("big.jsonl", line("http://a/", true, null)
        + "{\"url\":\"http://big/\",\"ok\":true,\"title\":\"" + title + "\",\"error\":null}\n");
    ResultFileScanner.Scan scan = prepare(f);
    assertThat(finalUrls).containsExactly("http://a/", "http://big/");
    assertThat(scan.needsRepair()).isFalse();
  }

  @Test
  void aCleanFileIsLeftUntouched() throws IOException {
    Path f = file("r.jsonl", line("http://a/", true, null) + line("http://b/", false, null));
    var modified = Files.getLastModifiedTime(f);
    ResultFileScanner.Scan scan = prepare(f);
    assertThat(scan.needsRepair()).isFalse();
    assertThat(Files.getLastModifiedTime(f)).isEqualTo(modified);
    assertThat(finalUrls).hasSize(2);
  }

  @Test
  void aFinishedTargetIsCopiedIntoTheTemporaryFileAndLeftAlone() throws IOException {
    String a = line("http://a/", true, null);
    String content = a + line("http://b/", false, "cancelled");
    Path target = file("r.jsonl", content);
    Path partial = dir.resolve("r.jsonl.partial");
    repair.prepare(target, partial, finalUrls::add, warnings::add);
    assertThat(Files.readString(partial)).isEqualTo(a);
    assertThat(Files.readString(target)).isEqualTo(content);
    Path clean = file("c.jsonl", a.strip());
    repair.prepare(clean, dir.resolve("c.jsonl.partial"), finalUrls::add, warnings::add);
    assertThat(Files.readString(dir.resolve("c.jsonl.partial"))).isEqualTo(a);
    assertThat(ResultFileRepair.temporaryFile(partial)).doesNotExist();
  }

  @Test
  void aFullDiskWhileRewritingNamesTheTemporaryFileAndRemovesIt() throws IOException {
    Path full = Path.of("/dev/full");
    assumeTrue(Files.isWritable(full), "needs /dev/full");
    ResultFileRepair onFullDisk = new ResultFileRepair(TemporaryFileGuard.NONE, (tmp, source) -> {
      Files.createFile(tmp);
      return FileChannel.open(full, StandardOpenOption.WRITE);
    });
    String content = line("http://a/", true, null) + line("http://b/", false, "cancelled") + line("http://c/", true, null);
    Path f = file("c.jsonl", content);
    Path tmp = ResultFileRepair.temporaryFile(f);
    assertThatThrownBy(() -> onFullDisk.prepare(f, f, finalUrls::add, warnings::add))
        .isInstanceOf(StoreException.class)
        .hasMessage("cannot write '" + tmp + "': No space left on device; '" + f + "' is unchanged");
    assertThat(tmp).doesNotExist();
    assertThat(Files.readString(f)).isEqualTo(content);
  }

  /** Lists what a guard is asked to do: "create PATH (exists: BOOL)" and "release PATH (exists: BOOL)". */
  private static final class RecordingGuard implements TemporaryFileGuard {
    final List<String> events = new ArrayList<>();

    @Override
    public FileChannel create(Path file, Opener opener) throws IOException {
      events.add("create " + file.getFileName() + " (exists: " + Files.exists(file) + ")");
      return opener.open(file);
    }

    @Override
    public void release(Path file) {
      events.add("release " + file.getFileName() + " (exists: " + Files.exists(file) + ")");
    }
  }

  @Test
  void theTemporaryFileIsCreatedThroughTheGuardAndReleasedOnceRenamedOrRemoved() throws IOException {
    String content = line("http://a/", true, null) + line("http://b/", false, "cancelled");
    RecordingGuard guard = new RecordingGuard();
    Path f = file("r.jsonl", content);
    new ResultFileRepair(guard).prepare(f, f, finalUrls::add, warnings::add);
    assertThat(guard.events).containsExactly("create r.jsonl.resume (exists: false)",
        "release r.jsonl.resume (exists: false)");
    assertThat(Files.readString(f)).isEqualTo(line("http://a/", true, null));

    Path full = Path.of("/dev/full");
    assumeTrue(Files.isWritable(full), "needs /dev/full");
    RecordingGuard failing = new RecordingGuard();
    Path g = file("g.jsonl", content);
    ResultFileRepair onFullDisk = new ResultFileRepair(failing, (tmp, source) -> {
      Files.createFile(tmp);
      return FileChannel.open(full, StandardOpenOption.WRITE);
    });
    assertThatThrownBy(() -> onFullDisk.prepare(g, g, finalUrls::add, warnings::add)).isInstanceOf(StoreException.class);
    assertThat(failing.events).containsExactly("create g.jsonl.resume (exists: false)",
        "release g.jsonl.resume (exists: false)");
  }
}
