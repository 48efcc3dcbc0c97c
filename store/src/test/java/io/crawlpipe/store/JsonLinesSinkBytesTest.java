package io.crawlpipe.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectWriter;

/** The bytes of the sink's lines, built in a buffer and on a generator reused from line to line. */
class JsonLinesSinkBytesTest {
  /** Plain bean serialization under the results-file settings, as the results file writes it. */
  private final ObjectWriter reference = ResultSamples.reference();

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
  void aResultThatDatabindCannotWriteWritesNothingAndTheNextLineIsWhole() {
    assertFailedResultLeavesNoTrace(ResultSamples.success(Map.of("broken", new ResultSamples.Exploding())));
  }

  @Test
  void aResultTooDeepToWriteWritesNothingAndTheNextLineIsWhole() {
    CrawlResult tooDeep = ResultSamples.success(Map.of("deep", nested(1_100)));
    assertThat(CrawlResultSerializer.isPlain(tooDeep)).isFalse();
    assertFailedResultLeavesNoTrace(tooDeep);
  }

  @Test
  void theDeepestJsonDataIsWrittenAndOneLevelMoreIsNeitherJsonNorWritable() {
    CrawlResult deepest = ResultSamples.success(Map.of("deep", nested(JsonData.MAX_DEPTH)));
    assertThat(CrawlResultSerializer.isPlain(deepest)).isTrue();
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    try (JsonLinesSink sink = JsonLinesSink.to(written, "test")) {
      sink.write(deepest);
    }
    assertThat(written.toString(StandardCharsets.UTF_8)).contains("\"bottom\"" + "]".repeat(JsonData.MAX_DEPTH) + "}");

    CrawlResult deeper = ResultSamples.success(Map.of("deep", nested(JsonData.MAX_DEPTH + 1)));
    assertThat(JsonData.problem(deeper.data())).isNotNull();
    assertFailedResultLeavesNoTrace(deeper);
  }

  /** A string in {@code levels} nested lists. */
  private static Object nested(int levels) {
    Object deep = "bottom";
    for (int i = 0; i < levels; i++) deep = List.of(deep);
    return deep;
  }

  private void assertFailedResultLeavesNoTrace(CrawlResult broken) {
    CrawlResult fine = ResultSamples.success(Map.of("k", "v"));
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    try (JsonLinesSink sink = JsonLinesSink.to(written, "test")) {
      sink.write(fine);
      assertThatThrownBy(() -> sink.write(broken))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(broken.url());
      sink.write(fine);
    }
    String line = new String(reference.writeValueAsBytes(fine), StandardCharsets.UTF_8) + "\n";
    assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo(line + line);
  }
}
