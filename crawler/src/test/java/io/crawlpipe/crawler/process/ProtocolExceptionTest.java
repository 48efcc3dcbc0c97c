package io.crawlpipe.crawler.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

class ProtocolExceptionTest {
  @Test
  void aLineOfAtMost120CharactersIsQuotedWhole() {
    String line = "x".repeat(120);
    assertThat(ProtocolException.notProtocol("no JSON", line, null))
        .hasMessage("not a protocol line (no JSON): " + line).hasNoCause();
  }

  @Test
  void aLongerLineIsCutAt120CharactersAndMarkedWithAnEllipsis() {
    String line = "x".repeat(120) + "tail";
    assertThat(ProtocolException.clipped(line)).isEqualTo("x".repeat(120) + "…");
    assertThat(ProtocolException.notProtocol("no JSON", line, null)).hasMessage("not a protocol line (no JSON): " + "x".repeat(120) + "…");
  }

  @Test
  void aParentLineThatIsNotJsonNamesJacksonsProblemAndKeepsItAsTheCause() {
    assertThatThrownBy(() -> new ProtocolCodec().parseParent("Picked up JAVA_TOOL_OPTIONS: -Xfoo"))
        .isExactlyInstanceOf(ProtocolException.class)
        .hasMessageStartingWith("not a protocol line (Unrecognized token 'Picked'")
        .hasMessageEndingWith("): Picked up JAVA_TOOL_OPTIONS: -Xfoo")
        .hasCauseInstanceOf(JacksonException.class);
  }
}
