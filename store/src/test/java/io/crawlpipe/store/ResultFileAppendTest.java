package io.crawlpipe.store;

import static io.crawlpipe.store.ResultFileRepairTest.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code --append}'s check of the end of the file it appends to. */
class ResultFileAppendTest {
  @TempDir Path dir;
  private final ResultFileRepair repair = new ResultFileRepair();
  private final List<String> warnings = new ArrayList<>();

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  @Test
  void aCutLastLineIsDroppedWithAWarningSoAppendingStartsOnAFreshLine() throws IOException {
    String whole = line("http://a/", true, null);
    Path f = file("r.jsonl", whole + "{\"url\":");
    repair.prepareAppend(f, warnings::add);
    assertThat(Files.readString(f)).isEqualTo(whole);
    assertThat(warnings).containsExactly("dropped the last 7 bytes of '" + f
        + "': a line cut short by an earlier run (not JSON, no newline); its URL is crawled again");
    repair.prepareAppend(f, warnings::add);
    assertThat(Files.readString(f)).isEqualTo(whole);
    assertThat(warnings).hasSize(1);
    Path cutOnly = file("cut.jsonl", "{\"url\":");
    repair.prepareAppend(cutOnly, warnings::add);
    assertThat(cutOnly).isEmptyFile();
    repair.prepareAppend(dir.resolve("missing.jsonl"), warnings::add);
    assertThat(dir.resolve("missing.jsonl")).doesNotExist();
  }

  @Test
  void aCompleteLastLineWithoutItsNewlineIsKept() throws IOException {
    String a = line("http://a/", true, null);
    String b = line("http://b/", true, null);
    Path f = file("r.jsonl", a + b.strip());
    repair.prepareAppend(f, warnings::add);
    assertThat(Files.readString(f)).isEqualTo(a + b);
    Path only = file("one.jsonl", b.strip());
    repair.prepareAppend(only, warnings::add);
    assertThat(Files.readString(only)).isEqualTo(b);
    assertThat(warnings).isEmpty();
  }

  @Test
  void anEndThatIsNoResultIsRefusedWithItsLineNumber() throws IOException {
    String a = line("http://a/", true, null);
    for (String content : List.of(a + a + "not JSON\n", a + "{\"name\":\"x\"}", "hello", "hello\nfoo\n")) {
      Path f = file("other.jsonl", content);
      long expectedLine = content.lines().count();
      assertThatThrownBy(() -> repair.prepareAppend(f, warnings::add)).as(content)
          .isInstanceOfSatisfying(ResultFileException.class, e -> assertThat(e.line()).isEqualTo(expectedLine))
          .hasMessageContaining(" is not a crawlpipe result line");
      assertThat(Files.readString(f)).isEqualTo(content);
    }
    assertThat(warnings).isEmpty();
  }

  @Test
  @Timeout(10)
  void aLongFileWithoutAnyNewlineIsReadInBlocks() throws IOException {
    byte[] cut = ("{\"url\":\"http://a/\",\"ok\":true,\"title\":\"" + "x".repeat(20 * 1024 * 1024))
        .getBytes(StandardCharsets.UTF_8);
    String whole = line("http://first/", true, null);
    Path f = Files.write(dir.resolve("big.jsonl"), concat(whole.getBytes(StandardCharsets.UTF_8), cut));
    repair.prepareAppend(f, warnings::add);
    assertThat(Files.readString(f)).isEqualTo(whole);
    assertThat(warnings).singleElement().asString().startsWith("dropped the last " + cut.length + " bytes");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
