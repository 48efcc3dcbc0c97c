package io.crawlpipe.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The bytes of the sink's lines, written through its reused line buffer. */
class JsonLinesSinkBytesTest {
  /** Plain bean serialization under the results-file settings. */
  private final JsonMapper reference = ResultJson.schema().build();

  @Test
  void everyLineIsTheBeanSerializationFollowedByANewline() {
    List<CrawlResult> results = new ArrayList<>();
    results.add(ResultSamples.success(Map.of("big", "x".repeat(200_000))));
    results.add(ResultSamples.success(Map.of()));
    results.add(ResultSamples.success(ResultSamples.nestedData()));
    results.addAll(ResultSamples.failures());
    results.addAll(ResultSamples.random(300, 7));
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    try (JsonLinesSink sink = JsonLinesSink.to(written, "test")) {
      for (CrawlResult result : results) {
        sink.write(result);
        expected.writeBytes(reference.writeValueAsBytes(result));
        expected.write('\n');
      }
    }
    assertThat(written.toByteArray()).isEqualTo(expected.toByteArray());
  }

  @Test
  void aResultThatCannotBeSerialisedWritesNothingAndTheNextLineIsWhole() {
    CrawlResult broken = ResultSamples.success(Map.of("broken", new ResultSamples.Exploding()));
    CrawlResult fine = ResultSamples.success(Map.of("k", "v"));
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    try (JsonLinesSink sink = JsonLinesSink.to(written, "test")) {
      assertThatThrownBy(() -> sink.write(broken))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(broken.url());
      sink.write(fine);
    }
    assertThat(written.toString(StandardCharsets.UTF_8))
        .isEqualTo(new String(reference.writeValueAsBytes(fine), StandardCharsets.UTF_8) + "\n");
  }
}
