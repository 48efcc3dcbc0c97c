package io.crawlpipe.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonLinesSinkTest {
  private static final Instant AT = Instant.parse("2026-11-22T10:15:30.123Z");
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void writesSuccessWithSnakeCaseSchemaAndNullError() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonLinesSink sink = JsonLinesSink.to(bytes, "test")) {
      sink.write(new CrawlResult("http://a.test/", "http://a.test/home", 200, true, "text/html",
          1234, "Home", "UTF-8", AT, 42, 1, Map.of("k", "v"), null));
    }
    JsonNode line = json.readTree(bytes.toString(StandardCharsets.UTF_8).strip());
    assertThat(line.get("url").asString()).isEqualTo("http://a.test/");
    assertThat(line.get("final_url").asString()).isEqualTo("http://a.test/home");
    assertThat(line.get("status").asInt()).isEqualTo(200);
    assertThat(line.get("ok").asBoolean()).isTrue();
    assertThat(line.get("content_type").asString()).isEqualTo("text/html");
    assertThat(line.get("bytes").asLong()).isEqualTo(1234);
    assertThat(line.get("fetched_at").asString()).isEqualTo("2026-11-22T10:15:30.123000Z");
    assertThat(line.get("elapsed_ms").asLong()).isEqualTo(42);
    assertThat(line.get("attempts").asInt()).isEqualTo(1);
    assertThat(line.get("data").get("k").asString()).isEqualTo("v");
    assertThat(line.has("error")).isTrue();
    assertThat(line.get("error").isNull()).isTrue();
  }

  @Test
  void writesFailureWithTypedError() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonLinesSink sink = JsonLinesSink.to(bytes, "test")) {
      sink.write(CrawlResult.failure("not a url", AT, 0, 0,
          new ResultError(ErrorType.INVALID_URL, "not an absolute http(s) URL")));
    }
    JsonNode line = json.readTree(bytes.toString(StandardCharsets.UTF_8).strip());
    assertThat(line.get("ok").asBoolean()).isFalse();
    assertThat(line.get("status").isNull()).isTrue();
    assertThat(line.get("error").get("type").asString()).isEqualTo("invalid_url");
    assertThat(line.get("error").get("message").asString()).isEqualTo("not an absolute http(s) URL");
  }

  @Test
  void concurrentWritersNeverInterleaveLines(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("nested/out.jsonl");
    int writers = 8;
    int perWriter = 500;
    try (JsonLinesSink sink = JsonLinesSink.create(file)) {
      ExecutorService pool = Executors.newFixedThreadPool(writers);
      for (int w = 0; w < writers; w++) {
        int id = w;
        pool.execute(() -> {
          for (int i = 0; i < perWriter; i++) {
            sink.write(CrawlResult.failure("http://h/" + id + "/" + i + "/" + "x".repeat(300), AT, 0, 0,
                new ResultError(ErrorType.IO, "reset")));
          }
        });
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(writers * perWriter);
    Set<String> urls = new HashSet<>();
    for (String l : lines) urls.add(json.readTree(l).get("url").asString());
    assertThat(urls).hasSize(writers * perWriter);
  }

  @Test
  void eachLineIsFlushedAsSoonAsItIsWritten() {
    List<Integer> flushedSizes = new ArrayList<>();
    ByteArrayOutputStream target = new ByteArrayOutputStream();
    OutputStream spy = new OutputStream() {
      @Override public void write(int b) { target.write(b); }
      @Override public void write(byte[] b, int off, int len) { target.write(b, off, len); }
      @Override public void flush() { flushedSizes.add(target.size()); }
    };
    JsonLinesSink sink = JsonLinesSink.to(spy, "spy");
    sink.write(CrawlResult.failure("u1", AT, 0, 0, new ResultError(ErrorType.DNS, "x")));
    assertThat(target.toString(StandardCharsets.UTF_8)).endsWith("}\n");
    assertThat(flushedSizes).isNotEmpty();
  }

  @Test
  void writeFailureIsAStoreExceptionNamingTheOutput() {
    OutputStream broken = new OutputStream() {
      @Override public void write(int b) throws IOException { throw new IOException("disk full"); }
    };
    JsonLinesSink sink = JsonLinesSink.to(broken, "out.jsonl");
    CrawlResult r = CrawlResult.failure("u", AT, 0, 0, new ResultError(ErrorType.IO, "x"));
    assertThatThrownBy(() -> sink.write(r))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("out.jsonl")
        .hasMessageContaining("disk full");
  }

  @Test
  void printStreamErrorsAreNotSwallowed() {
    OutputStream closedPipe = new OutputStream() {
      @Override public void write(int b) throws IOException { throw new IOException("Broken pipe"); }
    };
    JsonLinesSink sink = JsonLinesSink.to(new java.io.PrintStream(closedPipe), "stdout");
    CrawlResult r = CrawlResult.failure("u", AT, 0, 0, new ResultError(ErrorType.IO, "x"));
    assertThatThrownBy(() -> sink.write(r)).isInstanceOf(StoreException.class).hasMessageContaining("stdout");
  }

  @Test
  void okResultCannotCarryAnError() {
    assertThatThrownBy(() -> new CrawlResult("u", null, 200, true, null, 0, null, null, AT, 0, 1,
        Map.of(), new ResultError(ErrorType.IO, "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("u");
  }

  @Test
  void aNullFileOrStreamIsRefusedByNameAtOnceNotAtTheFirstWrite() {
    assertThatThrownBy(() -> JsonLinesSink.create(null)).isInstanceOf(NullPointerException.class).hasMessage("file");
    assertThatThrownBy(() -> JsonLinesSink.append(null)).isInstanceOf(NullPointerException.class).hasMessage("file");
    assertThatThrownBy(() -> JsonLinesSink.to(null, "x")).isInstanceOf(NullPointerException.class).hasMessage("stream");
    assertThatThrownBy(() -> JsonLinesSink.to(new ByteArrayOutputStream(), null)).isInstanceOf(NullPointerException.class)
        .hasMessage("name");
  }
}
