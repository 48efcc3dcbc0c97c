package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Http1HeadersTest {

  @Test
  void aRepeatedFramingFieldIsJoinedAndAnyOtherKeepsItsLastValue() throws IOException {
    assertThat(headers("Content-Length: 5\r\nX-A: 1\r\ncontent-length: 6\r\nX-A: 2\r\n\r\n"))
        .containsOnly(Map.entry("content-length", "5, 6"), Map.entry("x-a", "2"));
  }

  @Test
  void foldedLinesExtendTheValueBeforeThemAndLinesThatAreNoHeaderAreSkipped() throws IOException {
    assertThat(headers(" before any header\r\nX-A: one\r\n  two \r\n\tthree\r\nno colon\r\n: no name\r\n\r\n"))
        .containsOnly(Map.entry("x-a", "one two three"));
  }

  @Test
  void aFieldSetAgainAfterItsValueWasFoldedTakesTheNewValue() throws IOException {
    assertThat(headers("X-A: one\r\n two\r\nX-A: three\r\n\r\n")).containsOnly(Map.entry("x-a", "three"));
  }

  @Test
  void aValueFoldedOntoAnEmptyFirstLineHasNoSpaceBeforeIt() throws IOException {
    assertThat(headers("X-A:\r\n one\r\n\r\nleft for the body")).containsOnly(Map.entry("x-a", "one"));
  }

  private static Map<String, String> headers(String head) throws IOException {
    return Http1Headers.read(new Http1Input(new ByteArrayInputStream(head.getBytes(StandardCharsets.ISO_8859_1))));
  }
}
