package io.crawlpipe.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** UTF-16 pages decode as the WHATWG UTF-16 decoder does: an unpaired surrogate takes nothing with it. */
class Utf16PageDecodingTest {

  /** The hostile page: a title holding an unpaired high surrogate, then the rest of the page. */
  private static byte[] pageWithLoneHighSurrogate(boolean bigEndian, boolean bom) {
    var units = bigEndian ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (bom) out.writeBytes(bigEndian ? new byte[] {(byte) 0xFE, (byte) 0xFF} : new byte[] {(byte) 0xFF, (byte) 0xFE});
    out.writeBytes("<html><title>A".getBytes(units));
    out.writeBytes(bigEndian ? new byte[] {(byte) 0xD8, 0} : new byte[] {0, (byte) 0xD8});
    out.writeBytes("</title></head><body><p>body text here</p>".getBytes(units));
    return out.toByteArray();
  }

  @ParameterizedTest
  @CsvSource({"false, true, text/html", "true, true, text/html", "false, false, text/html; charset=utf-16",
      "true, false, text/html; charset=utf-16be"})
  void anUnpairedHighSurrogateDoesNotSwallowTheLessThanAfterIt(boolean bigEndian, boolean bom, String contentType) {
    byte[] body = pageWithLoneHighSurrogate(bigEndian, bom);

    DecodedText decoded = PageDecoder.decode(body, contentType);
    ParsedPage parsed = new DefaultPageParser().parse(new Page("http://x/", contentType, body));

    assertThat(decoded.text()).isEqualTo("<html><title>A\uFFFD</title></head><body><p>body text here</p>");
    assertThat(decoded.charset().name()).isEqualTo(bigEndian ? "UTF-16BE" : "UTF-16LE");
    assertThat(parsed.title()).isEqualTo("A\uFFFD");
  }

  @ParameterizedTest
  @CsvSource({
      "00 D8 41 00, \uFFFDA", "00 DC 41 00, \uFFFDA", "00 D8 00 D8 00 DC, \uFFFD\uD800\uDC00",
      "3D D8 00 DE, \uD83D\uDE00", "41 00 00 D8, A\uFFFD", "00 D8 41, \uFFFD", "41 00 42, A\uFFFD",
      "00 DC 00 DC, \uFFFD\uFFFD"})
  void littleEndianUnitsDecodeAsTheStandardsDecoderDoes(String hex, String expected) {
    byte[] body = HexFormat.of().parseHex(hex.replace(" ", ""));
    assertThat(PageDecoder.decode(body, "text/html; charset=utf-16le").text()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"D8 00 00 41, \uFFFDA", "DC 00 00 41, \uFFFDA", "D8 3D DE 00, \uD83D\uDE00", "00 41 D8, A\uFFFD"})
  void bigEndianUnitsDecodeAsTheStandardsDecoderDoes(String hex, String expected) {
    byte[] body = HexFormat.of().parseHex(hex.replace(" ", ""));
    assertThat(PageDecoder.decode(body, "text/html; charset=utf-16be").text()).isEqualTo(expected);
  }
}
