package io.crawlpipe.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.mode.Mode;
import io.crawlpipe.crawler.process.ProcessPoolSettings;
import io.crawlpipe.store.CrawlResult;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class ModesAgreeTest {
  private static final ProcessPoolSettings TWO_SMALL_WORKERS = new ProcessPoolSettings(2, 64L << 20, 0,
      Duration.ofSeconds(10), Duration.ofSeconds(30), List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));

  private static Set<String> records(Mode mode, List<String> lines) {
    PipelineTest.ListSink sink = new PipelineTest.ListSink();
    CrawlConfig config = CrawlConfig.builder().mode(mode).concurrency(16).processes(TWO_SMALL_WORKERS).build();
    new Crawler(config).crawl(lines, sink);
    assertThat(sink.results).extracting(CrawlResult::url).doesNotHaveDuplicates();
    return sink.results.stream()
        .map(r -> String.join("|", r.url(), String.valueOf(r.finalUrl()), String.valueOf(r.status()),
            String.valueOf(r.ok()), String.valueOf(r.contentType()), String.valueOf(r.bytes()),
            String.valueOf(r.title()), String.valueOf(r.charset()), String.valueOf(r.attempts()),
            r.error() == null ? "" : r.error().type().code()))
        .collect(Collectors.toSet());
  }

  @Test
  void threadsVirtualAndProcessesModesWriteTheSameRecords() throws IOException {
    try (TestSite site = new TestSite()) {
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < 100; i++) lines.add(site.url("/page/" + i));
      lines.addAll(List.of(site.url("/page/3"), "not a url", site.url("/missing"), site.url("/redirect/7"),
          site.url("/gbk"), "http://127.0.0.1:1/refused"));

      Set<String> processes = records(Mode.PROCESSES, lines);
      assertThat(processes).hasSize(105);
      assertThat(records(Mode.THREADS, lines)).isEqualTo(processes);
      assertThat(records(Mode.VIRTUAL, lines)).isEqualTo(processes);
      Map<String, Long> kinds = processes.stream().collect(Collectors.groupingBy(
          r -> r.substring(r.lastIndexOf('|') + 1), Collectors.counting()));
      assertThat(kinds).containsEntry("", 103L).containsEntry("invalid_url", 1L);
      assertThat(processes).filteredOn(r -> r.startsWith("http://127.0.0.1:1/refused|"))
          .singleElement().asString().doesNotEndWith("|");
    }
  }
}
