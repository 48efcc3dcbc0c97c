package io.crawlpipe.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.fetch.FetchClient;
import io.crawlpipe.crawler.mode.Mode;
import io.crawlpipe.crawler.process.ProcessPoolSettings;
import io.crawlpipe.store.CrawlResult;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A Content-Type with no valid {@code type/subtype} ({@code charset=x}, a bare label, {@code text})
 * is no MIME type (WHATWG "parse a MIME type" fails): the page is read and sniffed exactly as one
 * served without the header, with either client, in every mode.
 */
@Timeout(120)
class ContentTypeWithoutAMediaTypeTest {
  private static final String TITLE = "Привет";
  private static final ProcessPoolSettings ONE_SMALL_WORKER = new ProcessPoolSettings(1, 64L << 20, 0,
      Duration.ofSeconds(10), Duration.ofSeconds(30), ProcessPoolSettings.DEFAULT_JVM_OPTIONS);
  /** Path → the Content-Type it is served with; null: none. */
  private static final Map<String, String> TYPES = Map.of("/charset", "charset=iso-8859-2", "/label", "UTF-8",
      "/text", "text", "/semicolon", "; charset=iso-8859-2");
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    byte[] page = ("<html><head><meta charset=windows-1251><title>" + TITLE + "</title></head></html>")
        .getBytes(Charset.forName("windows-1251"));
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String type = TYPES.get(request.getUrl().encodedPath());
        MockResponse.Builder response = new MockResponse.Builder().body(new Buffer().write(page));
        return (type == null ? response : response.setHeader("Content-Type", type)).build();
      }
    });
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Each page's line by path, as a crawl in {@code mode} with {@code client} wrote it. */
  private Map<String, CrawlResult> crawl(Mode mode, FetchClient client) {
    PipelineTest.ListSink sink = new PipelineTest.ListSink();
    CrawlConfig config = CrawlConfig.builder().mode(mode).client(client).concurrency(4).processes(ONE_SMALL_WORKER).build();
    List<String> urls = List.of(url("/none"), url("/charset"), url("/label"), url("/text"), url("/semicolon"));
    new Crawler(config).crawl(urls, sink);
    return sink.results.stream().collect(Collectors.toMap(r -> r.url().substring(url("").length() - 1), Function.identity()));
  }

  private String url(String path) {
    return server.url(path).toString();
  }

  /** What reading the page made of it: all but the Content-Type recorded as it was sent. */
  private static String read(CrawlResult r) {
    return String.join("|", String.valueOf(r.status()), String.valueOf(r.ok()), String.valueOf(r.bytes()),
        String.valueOf(r.title()), String.valueOf(r.charset()), String.valueOf(r.error()));
  }

  private void assertReadAsWithoutAContentType(Mode mode, FetchClient client) {
    Map<String, CrawlResult> lines = crawl(mode, client);
    assertThat(lines.get("/none").title()).isEqualTo(TITLE);
    assertThat(lines.get("/none").charset()).isEqualTo("windows-1251");
    for (Map.Entry<String, String> typed : TYPES.entrySet()) {
      CrawlResult line = lines.get(typed.getKey());
      assertThat(read(line)).as(mode + " " + client + " Content-Type: " + typed.getValue()).isEqualTo(read(lines.get("/none")));
      assertThat(line.contentType()).isEqualTo(typed.getValue());
    }
  }

  @Test
  void isReadAsAPageWithoutAContentTypeByTheHttp1Client() {
    assertReadAsWithoutAContentType(Mode.THREADS, FetchClient.HTTP1);
  }

  @Test
  void isReadAsAPageWithoutAContentTypeByTheOkHttpClient() {
    assertReadAsWithoutAContentType(Mode.THREADS, FetchClient.OKHTTP);
  }

  @Test
  void isReadAsAPageWithoutAContentTypeInProcessesMode() {
    assertReadAsWithoutAContentType(Mode.PROCESSES, FetchClient.HTTP1);
    assertReadAsWithoutAContentType(Mode.PROCESSES, FetchClient.OKHTTP);
  }
}
