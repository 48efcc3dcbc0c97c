package io.crawlpipe.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultFileRepairTest {
  @TempDir Path dir;
  private final ResultFileRepair repair = new ResultFileRepair();
  private final List<String> finalUrls = new ArrayList<>();

  private static String line(String url, boolean ok, String errorType) {
    String error = errorType == null ? "null" : "{\"type\":\"" + errorType + "\",\"message\":\"m\"}";
    return "{\"url\":\"" + url + "\",\"ok\":" + ok + ",\"error\":" + error + "}\n";
  }

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
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
    assertThat(scan.needsRepair()).isTrue();
  }

  @Test
  void cutLastLineIsTruncatedInPlace() throws IOException {
    String whole = line("http://a/", true, null);
    Path f = file("r.jsonl", whole + "{\"url\":\"http://c/\"");
    repair.prepare(f, f, finalUrls::add);
    assertThat(Files.readString(f)).isEqualTo(whole);
  }

  @Test
  void cancelledLinesAreRetriedSoTheyAreRemovedFromTheFile() throws IOException {
    String a = line("http://a/", true, null);
    String c = line("http://c/", false, "dns");
    Path f = file("r.jsonl", a + line("http://b/", false, "cancelled") + c);
    ResultFileScanner.Scan scan = repair.prepare(f, f, finalUrls::add);
    assertThat(finalUrls).containsExactly("http://a/", "http://c/");
    assertThat(scan.cancelledLines()).isEqualTo(1);
    assertThat(Files.readString(f)).isEqualTo(a + c);
    assertThat(dir.resolve("r.jsonl.resume")).doesNotExist();
  }

  @Test
  void garbageLeftByAPowerLossEndsTheValidPart() throws IOException {
    String a = line("http://a/", true, null);
    Path f = file("r.jsonl", a + "\0\0\0\0\n" + line("http://late/", true, null));
    repair.prepare(f, f, finalUrls::add);
    assertThat(finalUrls).containsExactly("http://a/");
    assertThat(Files.readString(f)).isEqualTo(a);
  }

  @Test
  void aCleanFileIsLeftUntouched() throws IOException {
    Path f = file("r.jsonl", line("http://a/", true, null) + line("http://b/", false, null));
    var modified = Files.getLastModifiedTime(f);
    ResultFileScanner.Scan scan = repair.prepare(f, f, finalUrls::add);
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
    repair.prepare(target, partial, finalUrls::add);
    assertThat(Files.readString(partial)).isEqualTo(a);
    assertThat(Files.readString(target)).isEqualTo(content);
  }

  @Test
  void dropCutLineMakesAppendingStartOnAFreshLine() throws IOException {
    String whole = line("http://a/", true, null);
    Path f = file("r.jsonl", whole + "{\"url\":");
    repair.dropCutLine(f);
    assertThat(Files.readString(f)).isEqualTo(whole);
    repair.dropCutLine(f);
    assertThat(Files.readString(f)).isEqualTo(whole);
    Path cutOnly = file("cut.jsonl", "{\"url\":");
    repair.dropCutLine(cutOnly);
    assertThat(cutOnly).isEmptyFile();
    repair.dropCutLine(dir.resolve("missing.jsonl"));
    assertThat(dir.resolve("missing.jsonl")).doesNotExist();
  }
}
