package io.crawlpipe.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.PipelineTest.ListSink;
import io.crawlpipe.crawler.fetch.AsyncFetcher;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.parser.DefaultPageParser;
import io.crawlpipe.store.CrawlResult;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A fetcher (the pipeline takes any) whose result names another URL than the one asked, as one
 * that puts where a redirect led in {@code url}: the pipeline still ends the URL asked with one
 * line, its own, instead of dropping the line and waiting for that URL for ever.
 */
@Timeout(60)
class ResultNamingAnotherUrlTest {
  private final ExecutorService runner = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    runner.shutdownNow();
  }

  @Test
  void eachUrlAskedGetsOneLineNamingItWithTheResultsFinalUrlKept() throws Exception {
    AsyncFetcher elsewhere = url -> CompletableFuture.completedFuture(new FetchResult(url + "moved", url + "final",
        200, "text/html", Map.of(), "<title>t</title>".getBytes(StandardCharsets.UTF_8), Instant.now(), 1, 1));
    ListSink sink = new ListSink();
    Pipeline pipeline = new Pipeline(elsewhere, new DefaultPageParser(), Runnable::run, sink, Clock.systemUTC(), 4);

    Future<CrawlSummary> run = runner.submit(() ->
        pipeline.run(new UrlSource(new StringReader("http://a.test/\nhttp://b.test/\n"))));

    assertThat(run.get(10, TimeUnit.SECONDS).urls()).isEqualTo(2);
    assertThat(sink.results).extracting(CrawlResult::url).containsExactlyInAnyOrder("http://a.test/", "http://b.test/");
    assertThat(sink.results).extracting(CrawlResult::finalUrl)
        .containsExactlyInAnyOrder("http://a.test/final", "http://b.test/final");
    assertThat(sink.results).allSatisfy(r -> assertThat(r.ok()).isTrue());
  }
}
