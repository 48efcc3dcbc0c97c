package io.crawlpipe.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ISO-2022-JP pages decode as the WHATWG ISO-2022-JP decoder does: a stray byte costs one U+FFFD. */
class Iso2022JpDecodingTest {
  private static final String ISO_2022_JP = "text/html; charset=iso-2022-jp";
  private static final String ESC = "\u001b";

  /** The bytes of {@code text}, each char one byte (all below 0x80 here). */
  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String decode(String text) {
    return PageDecoder.decode(bytes(text), ISO_2022_JP).text();
  }

  private static String title(String text) {
    return new DefaultPageParser().parse(new Page("http://127.0.0.1/", ISO_2022_JP, bytes(text))).title();
  }

  @Test
  void aNewlineInsideAJisRunDoesNotTurnTheRestOfThePageIntoJis() {
    String page = "<p>" + ESC + "$B$3\n$s" + ESC + "(B</p><title>after</title>";

    assertThat(decode(page)).isEqualTo("<p>こ\uFFFDん</p><title>after</title>");
    assertThat(title(page)).isEqualTo("after");
  }

  @Test
  void aNewlineInsideAJisTitleIsOneReplacementCharacter() {
    String page = "<title>" + ESC + "$B$3$s\n$K$A$O" + ESC + "(B</title><p>x</p>";

    assertThat(title(page)).isEqualTo("こん\uFFFDにちは");
  }

  @Test
  void anEscapeSequenceRightAfterAnotherIsOneReplacementCharacter() {
    assertThat(decode("a" + ESC + "$B" + ESC + "(Bb")).isEqualTo("a\uFFFDb");
  }

  /** {@code ^} stands for ESC in the cases. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "^(J\\~a^(B\\~   | \u00A5\u203Ea\\~",
      "^(I!1_^(Ba       | \uFF61\uFF71\uFF9Fa",
      "^$@$3$s^(Ba      | こんa",
      "^$B-!^(B         | \u2460",
      "^(I`^(Ba         | \uFFFDa",
      "^$B$^(B          | \uFFFD",
      "^(X              | \uFFFD(X",
      "^$               | \uFFFD$"})
  void escapeSequencesSelectTheStandardsCharacterSets(String input, String expected) {
    assertThat(decode(input.replace("^", ESC))).isEqualTo(expected);
  }

  @Test
  void aByteOutsideTheCurrentSetIsOneReplacementCharacterAndTheTextGoesOn() {
    assertThat(decode("a\u000eb")).isEqualTo("a\uFFFDb");
    assertThat(PageDecoder.decode(new byte[] {'a', (byte) 0xA4, 'b'}, ISO_2022_JP).text()).isEqualTo("a\uFFFDb");
    assertThat(decode("x" + ESC)).isEqualTo("x\uFFFD");
    assertThat(decode(ESC + "$B$")).isEqualTo("\uFFFD");
  }

  @Test
  void textTheJdkEncodesDecodesBackToItself() {
    String text = "<title>日本語のページ：カタカナ、ひらがな、漢字</title><p>ASCII & 全角ＡＢＣ</p>";
    byte[] encoded = text.getBytes(Charset.forName("ISO-2022-JP"));

    assertThat(PageDecoder.decode(encoded, ISO_2022_JP).text()).isEqualTo(text);
    assertThat(PageDecoder.decode(encoded, ISO_2022_JP).charset().name()).isEqualTo("ISO-2022-JP");
  }
}
