package io.crawlpipe.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class UrlSourceTest {

  private static List<String> drain(UrlSource source) {
    List<String> out = new ArrayList<>();
    for (String line; (line = source.next()) != null; ) out.add(line);
    return out;
  }

  @Test
  void skipsBlankAndCommentLinesAndTrims() {
    UrlSource source = new UrlSource(new StringReader("# header\n\n  http://a/  \n\t\n   # indented comment\nhttp://b/\r\n"));
    assertThat(drain(source)).containsExactly("http://a/", "http://b/");
    assertThat(source.duplicates()).isZero();
  }

  @Test
  void aByteOrderMarkAndNoBreakSpacesAreTrimmed() {
    UrlSource source = new UrlSource(new StringReader(
        "\ufeff# saved by an editor\nhttp://a/\u00a0\n\u202fhttp://b/\u2007\n\ufeffhttp://c/\n"));
    assertThat(drain(source)).containsExactly("http://a/", "http://b/", "http://c/");
  }

  @Test
  void nextLineIsTrimmedAsPythonsStripTrimsIt() {
    UrlSource source = new UrlSource(new StringReader("\u0085http://a/\u0085\nhttp://b/ \u0085\n\u0085\n"));
    assertThat(drain(source)).containsExactly("http://a/", "http://b/");
  }

  @Test
  void zeroWidthSpacesJoinersAndDirectionMarksAreTrimmed() {
    UrlSource source = new UrlSource(new StringReader(
        "\u200bhttp://a/\u200b\nhttp://b/\u2060\u200e\n\u200f\u200c http://c/\u200d\n\u200b\n\u200b# comment\nhttp://a/\n"));
    assertThat(drain(source)).containsExactly("http://a/", "http://b/", "http://c/");
    assertThat(source.duplicates()).isEqualTo(1);
  }

  @Test
  void theLengthLimitIsTheTrimmedLines() {
    String spaces = " ".repeat(70_000);
    UrlSource source = new UrlSource(new StringReader(
        "http://a/" + spaces + "\n" + spaces + "http://b/\n\u00a0" + spaces + "http://a/\t\u200b" + spaces + "\n"));
    assertThat(drain(source)).containsExactly("http://a/", "http://b/");
    assertThat(source.duplicates()).isEqualTo(1);
  }

  @Test
  void aLineTooLongForAUrlIsHandedOutShortenedAndRefused() {
    String huge = "http://a.test/" + "x".repeat(1 << 20);
    UrlSource source = new UrlSource(new StringReader(huge + "\n" + huge + "y\nhttp://b/\n"));
    List<String> lines = drain(source);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).hasSizeLessThan(UrlValidator.MAX_URL_CHARS + 100).contains("(1048590 characters");
    assertThat(lines.get(1)).contains("(1048591 characters");
    assertThat(UrlValidator.problem(lines.get(0))).isEqualTo("not a URL: longer than 65536 characters");
    assertThat(UrlValidator.problem("http://a.test/" + "x".repeat(UrlValidator.MAX_URL_CHARS - 14))).isNull();
  }

  @Test
  void repeatedLinesAreHandedOutOnceAndCounted() {
    UrlSource source = new UrlSource(new StringReader("http://a/\nhttp://b/\n http://a/\nhttp://a/\nhttp://b/\n"));
    assertThat(drain(source)).containsExactly("http://a/", "http://b/");
    assertThat(source.duplicates()).isEqualTo(3);
    assertThat(source.distinct()).isEqualTo(2);
  }

  @Test
  void fingerprintSetGrowsAndKeepsEveryDistinctLine() {
    FingerprintSet set = new FingerprintSet();
    for (int i = 0; i < 200_000; i++) assertThat(set.add("http://h/" + i)).isTrue();
    for (int i = 0; i < 200_000; i += 997) assertThat(set.add("http://h/" + i)).isFalse();
    assertThat(set.size()).isEqualTo(200_000);
  }

  @Test
  void zeroFingerprintIsStillStored() {
    FingerprintSet set = new FingerprintSet();
    assertThat(set.add(0L)).isTrue();
    assertThat(set.add(0L)).isFalse();
  }

  @Test
  void validatorAcceptsHttpAndHttpsAndNamesTheProblemOtherwise() {
    assertThat(UrlValidator.problem("https://example.org/a?b=c#d")).isNull();
    assertThat(UrlValidator.problem("HTTP://EXAMPLE.ORG")).isNull();
    assertThat(UrlValidator.problem("not a url")).contains("whitespace");
    assertThat(UrlValidator.problem("example.org/page")).contains("no scheme");
    assertThat(UrlValidator.problem("ftp://x")).contains("unsupported scheme 'ftp'");
    assertThat(UrlValidator.problem("http://")).startsWith("not a valid URL");
    assertThat(UrlValidator.problem("http://exa mple.org/")).contains("whitespace");
    assertThat(UrlValidator.problem("http://a.test/x\u00a0y")).contains("whitespace");
    assertThat(UrlValidator.problem("http://a.test/ok\ufffd1")).contains("U+FFFD").contains("not UTF-8");
  }

  @Test
  void urlsInTheDoneSetAreSkippedAndCountedApartFromDuplicates() {
    FingerprintSet done = new FingerprintSet();
    done.add("http://b/");
    UrlSource source = new UrlSource(new StringReader("http://a/\nhttp://b/\nhttp://c/\nhttp://b/\n"), done);
    assertThat(drain(source)).containsExactly("http://a/", "http://c/");
    assertThat(source.alreadyDone()).isEqualTo(1);
    assertThat(source.duplicates()).isEqualTo(1);
    assertThat(done.contains("http://b/")).isTrue();
    assertThat(done.contains("http://a/")).isFalse();
  }

  @Test
  void theTotalIsKnownOnlyOnceTheListIsReadToTheEnd() {
    UrlSource source = new UrlSource(new StringReader("http://a/\nhttp://b/\nhttp://a/\n"));
    assertThat(source.next()).isEqualTo("http://a/");
    assertThat(source.totalIfKnown()).isEqualTo(-1);
    drain(source);
    assertThat(source.totalIfKnown()).isEqualTo(2);
  }

  @Test
  void aListThatFailsMidwayEndsThereAndSaysWhere() {
    Reader failing = new Reader() {
      private final StringReader start = new StringReader("http://a/\nhttp://b/\nhttp://c");
      @Override
      public int read(char[] buffer, int offset, int length) throws IOException {
        int n = start.read(buffer, offset, length);
        if (n < 0) throw new IOException("Unexpected end of ZLIB input stream");
        return n;
      }

      @Override
      public void close() {}
    };
    UrlSource source = new UrlSource(failing);

    assertThat(drain(source)).containsExactly("http://a/", "http://b/");
    assertThat(source.next()).isNull();
    assertThat(source.readFailure().line()).isEqualTo(3);
    assertThat(source.readFailure().asException()).hasMessage("cannot read URL list at line 3: Unexpected end of ZLIB input stream");
    assertThat(source.totalIfKnown()).isEqualTo(2);
  }

  @Test
  void aListReadToItsEndHasNoReadFailure() {
    UrlSource source = new UrlSource(new StringReader("http://a/\n"));

    assertThat(drain(source)).containsExactly("http://a/");
    assertThat(source.readFailure()).isNull();
  }

  /** A list that never ends its line: a stop ends the line (and so the read) instead of waiting for ever. */
  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // without the stop check it reads for ever
  void anEndlessLineIsGivenUpOnceTheRunStops() {
    AtomicBoolean stopped = new AtomicBoolean();
    AtomicInteger reads = new AtomicInteger();
    Reader endless = new Reader() {
      @Override
      public int read(char[] buffer, int offset, int length) {
        if (reads.incrementAndGet() == 100) stopped.set(true); // the stop comes while the line goes on
        Arrays.fill(buffer, offset, offset + length, 'x');
        return length;
      }

      @Override
      public void close() {}
    };
    UrlSource source = new UrlSource(endless, new FingerprintSet(), stopped::get);

    String line = source.next();

    assertThat(reads).hasValue(100);
    assertThat(line).startsWith("xxxx").contains(" characters, fingerprint ");
    assertThat(UrlValidator.problem(line)).isEqualTo("not a URL: longer than 65536 characters");
  }
}
