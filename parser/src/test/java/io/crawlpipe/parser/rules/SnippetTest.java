package io.crawlpipe.parser.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class SnippetTest {

  @Test
  void shortTextIsQuotedAsWritten() {
    String text = "x".repeat(Snippet.MAX);

    assertThat(Snippet.quoted(text)).isEqualTo('"' + text + '"');
    assertThat(Snippet.of(text)).isEqualTo(text);
  }

  @Test
  void longTextKeepsItsStartAndEndAndSaysHowLongItIs() {
    String text = "a".repeat(80) + "b".repeat(20_000) + "c".repeat(30);

    assertThat(Snippet.quoted(text)).isEqualTo('"' + "a".repeat(80) + "…" + "c".repeat(30) + "\" (20,110 characters)");
    assertThat(Snippet.of(text)).isEqualTo("a".repeat(80) + "…" + "c".repeat(30) + " (20,110 characters)");
  }

  @Test
  void aSurrogatePairAtEitherCutIsKeptWhole() {
    String emoji = "\uD83D\uDE00";
    String text = "a".repeat(79) + emoji + "b".repeat(200) + emoji + "c".repeat(29);

    String snippet = Snippet.of(text);

    assertThat(snippet).startsWith("a".repeat(79) + "…" + emoji + "c".repeat(29) + " (");
    assertThat(snippet.codePoints()).doesNotContain((int) '\uD83D', (int) '\uDE00');
  }

  @Test
  void theLengthIsWrittenTheSameInEveryLocale() {
    Locale before = Locale.getDefault(Locale.Category.FORMAT);
    try {
      Locale.setDefault(Locale.Category.FORMAT, Locale.GERMANY);
      assertThat(Snippet.of("x".repeat(20_000))).endsWith(" (20,000 characters)");
    } finally {
      Locale.setDefault(Locale.Category.FORMAT, before);
    }
  }
}
