package io.crawlpipe.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorTypeTest {
  @Test
  void everyTypeIsFoundByTheCodeTheResultsFileWrites() {
    assertThat(ErrorType.ofCode("too_many_redirects")).isEqualTo(ErrorType.TOO_MANY_REDIRECTS);
    for (ErrorType type : ErrorType.values()) assertThat(ErrorType.ofCode(type.code())).isEqualTo(type);
  }

  @Test
  void aCodeNoTypeHasIsNull() {
    assertThat(ErrorType.ofCode("TIMEOUT")).as("the enum name, not the code").isNull();
    assertThat(ErrorType.ofCode("shrug")).isNull();
    assertThat(ErrorType.ofCode("")).isNull();
    assertThat(ErrorType.ofCode(null)).isNull();
  }
}
