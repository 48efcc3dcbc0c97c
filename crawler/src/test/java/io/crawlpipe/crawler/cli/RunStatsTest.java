package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.store.CrawlResult;
import io.crawlpipe.store.ErrorType;
import io.crawlpipe.store.ResultError;
import io.crawlpipe.store.ResultSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunStatsTest {
  private final List<CrawlResult> written = new ArrayList<>();
  private final RunStats stats = new RunStats(new ResultSink() {
    @Override
    public void write(CrawlResult result) {
      written.add(result);
    }

    @Override
    public void close() {}
  });

  private static CrawlResult failure(String url, ErrorType type) {
    return CrawlResult.failure(url, Instant.EPOCH, 0, type == ErrorType.CANCELLED ? 0 : 1, new ResultError(type, "x"));
  }

  private static CrawlResult notFound(String url) {
    return new CrawlResult(url, url, 404, false, "text/html", 0, null, null, Instant.EPOCH, 3, 1, Map.of(), null);
  }

  @Test
  void cancelledAndInvalidUrlsAreFailuresButNotHostErrors() {
    stats.write(failure("http://stopped.test/a", ErrorType.CANCELLED));
    stats.write(failure("http://stopped.test/b", ErrorType.CANCELLED));
    stats.write(failure("http://bad.test/", ErrorType.INVALID_URL));
    stats.write(failure("http://down.test/a", ErrorType.CONNECT));
    stats.write(notFound("http://gone.test/x"));
    assertThat(written).hasSize(5);
    assertThat(stats.failed()).isEqualTo(5);
    assertThat(stats.cancelled()).isEqualTo(2);
    assertThat(stats.errorHosts().top(10)).containsExactly(
        new TopHosts.HostCount("down.test", 1), new TopHosts.HostCount("gone.test", 1));
  }
}
