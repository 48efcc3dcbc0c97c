package io.crawlpipe.crawler.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.store.ErrorType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProtocolCodecTest {
  private final ProtocolCodec codec = new ProtocolCodec();

  private String written(WorkerMessage message) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    codec.write(message, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void pageTravelsAsOneLineWithItsBytesIntact() throws IOException {
    byte[] body = {0, 10, 13, (byte) 0xff, '<', 'p', '>'};
    FetchResult fetched = new FetchResult("http://a.test/", "http://a.test/final\n", 203, "text/html",
        Map.of("etag", "\"x\""), body, Instant.parse("2026-01-02T03:04:05.123Z"), 42, 1);
    String line = written(WorkerMessage.Page.of(7, fetched));

    assertThat(line).endsWith("\n").doesNotContain("\r").containsOnlyOnce("\n");
    assertThat(line).startsWith("{").contains("\"type\":\"page\"", "\"final_url\":");
    WorkerMessage.Page page = (WorkerMessage.Page) codec.parseWorker(line.strip());
    FetchResult back = page.toFetchResult("http://a.test/");
    assertThat(page.id()).isEqualTo(7);
    assertThat(back.body()).containsExactly(body);
    assertThat(back).usingRecursiveComparison().ignoringFields("body").isEqualTo(fetched);
  }

  @Test
  void failureKeepsItsErrorTypeAsTheResultsFileNamesIt() throws IOException {
    String line = written(new WorkerMessage.Failure(3, ErrorType.TOO_MANY_REDIRECTS, "more than 10", 1));
    assertThat(line).contains("\"error_type\":\"too_many_redirects\"");
    WorkerMessage.Failure failure = (WorkerMessage.Failure) codec.parseWorker(line.strip());
    assertThat(failure.toException("http://a.test/"))
        .hasMessage("more than 10")
        .satisfies(e -> assertThat(e.type()).isEqualTo(ErrorType.TOO_MANY_REDIRECTS))
        .satisfies(e -> assertThat(e.url()).isEqualTo("http://a.test/"));
  }

  @Test
  void parentHelloCarriesVersionAndFetchSettings() throws ProtocolException {
    byte[] line = codec.line(ParentMessage.Hello.of(4, 100, TestPools.FETCH));
    String text = new String(line, StandardCharsets.UTF_8);
    assertThat(text).endsWith("}\n").contains("\"type\":\"hello\"", "\"version\":" + ProtocolCodec.VERSION);
    ParentMessage.Hello hello = (ParentMessage.Hello) codec.parseParent(text.strip());
    assertThat(hello.worker()).isEqualTo(4);
    assertThat(hello.concurrency()).isEqualTo(100);
    assertThat(hello.fetchSettings()).isEqualTo(TestPools.FETCH);
  }

  @Test
  void unknownFieldsAreIgnoredSoAVersionCanAddSome() throws ProtocolException {
    WorkerMessage hello = codec.parseWorker("{\"type\":\"hello\",\"version\":9,\"pid\":5,\"features\":[\"x\"]}");
    assertThat(hello).isEqualTo(new WorkerMessage.Hello(9, 5));
  }

  @Test
  void aLineThatIsNotProtocolIsRejectedQuotingIt() {
    assertThatThrownBy(() -> codec.parseWorker("Picked up JAVA_TOOL_OPTIONS: -Xfoo"))
        .isInstanceOf(ProtocolException.class).hasMessageContaining("Picked up JAVA_TOOL_OPTIONS");
    assertThatThrownBy(() -> codec.parseWorker("{\"type\":\"shrug\"}"))
        .isInstanceOf(ProtocolException.class).hasMessageContaining("shrug");
  }
}
