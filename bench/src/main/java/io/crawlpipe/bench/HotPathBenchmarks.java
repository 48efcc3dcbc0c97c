package io.crawlpipe.bench;

import io.crawlpipe.parser.DefaultPageParser;
import io.crawlpipe.parser.Page;
import io.crawlpipe.parser.ParsedPage;
import io.crawlpipe.store.CrawlResult;
import io.crawlpipe.store.JsonLinesSink;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH microbenchmarks of the per-page hot paths: the default extraction of a 30 KB page and
 * writing one result line. Run: {@code java -jar bench/target/bench-0.1.0-SNAPSHOT-all.jar}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HotPathBenchmarks {
  private final DefaultPageParser parser = new DefaultPageParser();
  private Page page;
  private JsonLinesSink sink;
  private CrawlResult result;

  @Setup
  public void setUp() {
    StringBuilder html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\">"
        + "<title>Page 42 &amp; friends</title></head><body>");
    while (html.length() < 30 * 1024) html.append("<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>\n");
    page = new Page("http://127.0.0.1/page/42", "text/html; charset=utf-8",
        html.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8));
    sink = JsonLinesSink.to(OutputStream.nullOutputStream(), "null");
    result = new CrawlResult("http://127.0.0.1/page/42", "http://127.0.0.1/page/42", 200, true,
        "text/html; charset=utf-8", 30_720, "Page 42 & friends", "UTF-8", Instant.now(), 12, 1, Map.of(), null);
  }

  @Benchmark
  public ParsedPage defaultExtraction() {
    return parser.parse(page);
  }

  @Benchmark
  public void writeResultLine() {
    sink.write(result);
  }
}
