package io.crawlpipe.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bytes the standard's multi-byte decoders map where the JDK's report an error. */
class MultiByteSpecialBytesTest {

  private static String decode(String hex, String charset) {
    byte[] body = HexFormat.of().parseHex(hex.replace(" ", ""));
    return PageDecoder.decode(body, "text/html; charset=" + charset).text();
  }

  @ParameterizedTest
  @CsvSource({"41 80 42, A\u0080B", "80, \u0080", "41 A0 42, A\uFFFDB", "82 A0 80, \u3042\u0080",
      "82 80 41, \uFFFDA"})
  void shiftJisByte80IsTheControlU0080(String hex, String expected) {
    assertThat(decode(hex, "shift_jis")).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"88 62 41, \u00CA\u0304A", "88 64, \u00CA\u030C", "41 88 A3, A\u00EA\u0304",
      "88 A5 3C, \u00EA\u030C<"})
  void big5PointersOfTwoCodePointsDecodeToBoth(String hex, String expected) {
    assertThat(decode(hex, "big5")).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"41 80 42, A\u20ACB", "88 3C, \uFFFD<"})
  void otherErrorsStayAsTheyWere(String hex, String expected) {
    assertThat(decode(hex, "gbk")).isEqualTo(expected);
  }
}
