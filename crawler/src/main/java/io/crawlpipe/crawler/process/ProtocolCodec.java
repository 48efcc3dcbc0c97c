package io.crawlpipe.crawler.process;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The worker protocol, version {@value #VERSION}: one JSON object per line, UTF-8, snake_case
 * names, a {@code type} field naming the message. JSON strings escape line breaks, so a message
 * never spans lines. A page's line is the one exception to "a line is a message": it declares
 * {@code body_length} N, and the body's N raw bytes follow its newline, neither encoded nor
 * escaped, before the next line. Unknown fields are ignored, so a version can add fields; anything
 * else needs a new version, and both sides refuse a hello with another version.
 *
 * <pre>
 * parent → worker  {"type":"hello","version":3,"worker":1,"concurrency":128,"timeout_ms":30000,…}
 * worker → parent  {"type":"hello","version":3,"pid":4242}
 * parent → worker  {"type":"fetch","id":7,"url":"https://example.org/"}
 * worker → parent  {"type":"page","id":7,"final_url":…,"status":200,"content_type":…,"headers":{…},
 *                   "fetched_at_second":1767323045,"fetched_at_nano":123000000,"elapsed_ms":12,"attempts":1,
 *                   "body_length":5120}
 *                  (one line), then the body's 5120 bytes
 *               or {"type":"failure","id":7,"error_type":"timeout","message":…,"attempts":1}
 * </pre>
 *
 * The parent reads worker messages with a {@link WorkerMessageReader}: a line that is not a
 * message is skipped, but a page whose {@code body_length} is not a whole number from 0 to the
 * body limit ({@code --max-bytes}) or whose body the stream ends inside, and a line longer than
 * {@value WorkerMessageReader#MAX_LINE} bytes, leave the stream out of step ({@link FrameException}).
 * Version 1 carried the body as base64 in a {@code body} field, and the time as ISO-8601 text;
 * decoding them cost the parent more CPU than anything else in the crawl. Version 2's hello had
 * one proxy for every URL ({@code proxy}); version 3's adds the {@code https} proxy, the hosts
 * that bypass them and whether loopback hosts do (proxies from the environment).
 *
 * <p>Thread-safe.
 */
final class ProtocolCodec {
  /** Bumped on any change an older peer could misread. */
  static final int VERSION = 3;

  private final JsonMapper mapper;
  private final ObjectWriter parentWriter;
  private final ObjectWriter workerWriter;
  private final ObjectReader parentReader;

  ProtocolCodec() {
    mapper = JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .changeDefaultPropertyInclusion(v -> v.withValueInclusion(JsonInclude.Include.NON_NULL))
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(StreamWriteFeature.AUTO_CLOSE_TARGET, StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
        .build();
    parentWriter = mapper.writerFor(ParentMessage.class);
    workerWriter = mapper.writerFor(WorkerMessage.class);
    parentReader = mapper.readerFor(ParentMessage.class);
  }

  /** The message as one line, newline included. */
  byte[] line(ParentMessage message) {
    byte[] json = parentWriter.writeValueAsBytes(message);
    byte[] line = java.util.Arrays.copyOf(json, json.length + 1);
    line[json.length] = '\n';
    return line;
  }

  /**
   * Writes the message and a newline to {@code out} without an intermediate copy, a page's body
   * bytes after its line; does not flush.
   */
  void write(WorkerMessage message, OutputStream out) throws IOException {
    try {
      if (message instanceof WorkerMessage.Page page) {
        writePage(page, out);
      } else {
        workerWriter.writeValue(out, message);
        out.write('\n');
      }
    } catch (JacksonException e) {
      throw new IOException("cannot write " + message.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }

  /** The line is written field by field (data binding would put the body in it), then the body. */
  private void writePage(WorkerMessage.Page page, OutputStream out) throws IOException {
    try (JsonGenerator gen = mapper.createGenerator(out)) {
      gen.writeStartObject();
      gen.writeStringProperty("type", "page");
      gen.writeNumberProperty("id", page.id());
      gen.writeStringProperty("final_url", page.finalUrl());
      gen.writeNumberProperty("status", page.status());
      if (page.contentType() != null) gen.writeStringProperty("content_type", page.contentType());
      if (page.headers() != null) {
        gen.writeName("headers");
        gen.writeStartObject();
        for (Map.Entry<String, String> header : page.headers().entrySet()) gen.writeStringProperty(header.getKey(), header.getValue());
        gen.writeEndObject();
      }
      gen.writeNumberProperty("fetched_at_second", page.fetchedAt().getEpochSecond());
      gen.writeNumberProperty("fetched_at_nano", page.fetchedAt().getNano());
      gen.writeNumberProperty("elapsed_ms", page.elapsedMs());
      gen.writeNumberProperty("attempts", page.attempts());
      gen.writeNumberProperty("body_length", page.body().length);
      gen.writeEndObject();
    }
    out.write('\n');
    out.write(page.body());
  }

  /**
   * A reader of the worker messages on {@code in}, which accepts page bodies up to {@code maxBodyBytes}.
   * It parses with the mapper's token factory and no mapper context, which reads alike only while
   * the mapper's builder sets no stream or JSON read feature (set any on the factory instead).
   */
  WorkerMessageReader reader(InputStream in, long maxBodyBytes) {
    return new WorkerMessageReader(in, maxBodyBytes, mapper.tokenStreamFactory());
  }

  ParentMessage parseParent(String line) throws ProtocolException {
    try {
      return parentReader.readValue(line);
    } catch (JacksonException e) {
      throw ProtocolException.notProtocol(e.getOriginalMessage(), line, e);
    }
  }
}
