package io.crawlpipe.parser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WhitespaceTest {

  @Test
  void asciiWhitespaceNextLineAndUnicodeSeparatorsAreWhitespace() {
    for (char c : "\t\n\u000b\f\r \u0085\u00a0\u1680\u2000\u2007\u200a\u2028\u2029\u202f\u205f\u3000".toCharArray()) {
      assertThat(Whitespace.is(c)).as("U+%04X", (int) c).isTrue();
    }
  }

  @Test
  void controlsAndInvisibleFormattingCharactersAreNot() {
    for (char c : "\0\u0008\u000e\u001c\u001d\u001e\u001f\u007f\u0084\u0086\u00ad\u180e\u200b\u200c\u2060\ufeffa".toCharArray()) {
      assertThat(Whitespace.is(c)).as("U+%04X", (int) c).isFalse();
    }
  }

  @Test
  void collapseMakesEachRunOneSpaceAndTrims() {
    assertThat(Whitespace.collapse("\r\n\u3000 My\u00a0\u202fSite \n | Home\t")).isEqualTo("My Site | Home");
    assertThat(Whitespace.collapse(" \u2007\n")).isEmpty();
    assertThat(Whitespace.collapse("a\u001fb\u200bc")).isEqualTo("a\u001fb\u200bc");
  }

  @Test
  void textAlreadyCollapsedIsReturnedWithoutACopy() {
    String collapsed = "a b c";
    assertThat(Whitespace.collapse(collapsed)).isSameAs(collapsed);
    assertThat(Whitespace.collapse("")).isEmpty();
    assertThat(Whitespace.collapse(" a")).isEqualTo("a");
    assertThat(Whitespace.collapse("a ")).isEqualTo("a");
    assertThat(Whitespace.collapse(" ")).isEmpty();
    assertThat(Whitespace.collapse("a  b")).isEqualTo("a b");
  }
}
