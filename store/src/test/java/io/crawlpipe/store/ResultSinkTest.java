package io.crawlpipe.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultSinkTest {
  /** README calls it a one-method interface: results can go anywhere, a lambda included. */
  @Test
  void aLambdaIsAResultSinkWhoseCloseDoesNothing() {
    List<CrawlResult> seen = new ArrayList<>();
    ResultSink sink = seen::add;
    CrawlResult result = ResultSamples.success(Map.of("k", "v"));

    sink.write(result);
    sink.close();
    sink.close();

    assertThat(seen).containsExactly(result);
  }
}
