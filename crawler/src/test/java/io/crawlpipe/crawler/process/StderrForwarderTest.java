package io.crawlpipe.crawler.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StderrForwarderTest {
  private static StderrForwarder forwarded(String stderr) {
    StderrForwarder forwarder = new StderrForwarder(new ByteArrayInputStream(stderr.getBytes(StandardCharsets.UTF_8)), 1, 42);
    forwarder.run(); // reads to the end of the stream
    return forwarder;
  }

  @Test
  void firstWordsAreTheFirstTwoLinesThatSaySomethingWithoutTheirLevel() {
    assertThat(forwarded("SLF4J(W): No SLF4J providers were found.\n"
        + "Picked up JAVA_TOOL_OPTIONS: -Dproxy.password=hunter2\n"
        + "NOTE: Picked up JDK_JAVA_OPTIONS: -Dkey=secret\n\n"
        + "Error occurred during initialization of VM\n"
        + "Could not reserve enough space for 1048576000000KB object heap\n"
        + "a third line\n").firstWords())
        .isEqualTo("Error occurred during initialization of VM; Could not reserve enough space for 1048576000000KB"
            + " object heap");
    assertThat(forwarded("ERROR unusable settings in the parent's hello; exiting\n").firstWords())
        .isEqualTo("unusable settings in the parent's hello; exiting");
    assertThat(forwarded("").firstWords()).isNull();
  }

  @Test
  void firstWordsAreCutAt300Characters() {
    assertThat(forwarded("x".repeat(400) + "\n").firstWords()).isEqualTo("x".repeat(300) + "…");
  }
}
