package io.crawlpipe.crawler.process;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The worker protocol, version {@value #VERSION}: one JSON object per line, UTF-8, snake_case
 * names, a {@code type} field naming the message. JSON strings escape line breaks, so a message
 * never spans lines. Unknown fields are ignored, so a version can add fields; anything else needs
 * a new version, and both sides refuse a hello with another version.
 *
 * <pre>
 * parent → worker  {"type":"hello","version":1,"worker":1,"concurrency":128,"timeout_ms":30000,…}
 * worker → parent  {"type":"hello","version":1,"pid":4242}
 * parent → worker  {"type":"fetch","id":7,"url":"https://example.org/"}
 * worker → parent  {"type":"page","id":7,"final_url":…,"status":200,"body":"PGh0bWw+…",…}
 *               or {"type":"failure","id":7,"error_type":"timeout","message":…,"attempts":1}
 * </pre>
 *
 * Thread-safe.
 */
final class ProtocolCodec {
  /** Bumped on any change an older peer could misread. */
  static final int VERSION = 1;
  private static final int QUOTED = 120;

  private final ObjectWriter parentWriter;
  private final ObjectWriter workerWriter;
  private final ObjectReader parentReader;
  private final ObjectReader workerReader;

  ProtocolCodec() {
    JsonMapper mapper = JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .changeDefaultPropertyInclusion(v -> v.withValueInclusion(JsonInclude.Include.NON_NULL))
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
        .build();
    parentWriter = mapper.writerFor(ParentMessage.class);
    workerWriter = mapper.writerFor(WorkerMessage.class);
    parentReader = mapper.readerFor(ParentMessage.class);
    workerReader = mapper.readerFor(WorkerMessage.class);
  }

  /** The message as one line, newline included. */
  byte[] line(ParentMessage message) {
    byte[] json = parentWriter.writeValueAsBytes(message);
    byte[] line = java.util.Arrays.copyOf(json, json.length + 1);
    line[json.length] = '\n';
    return line;
  }

  /** Writes the message and a newline to {@code out} without an intermediate copy; does not flush. */
  void write(WorkerMessage message, OutputStream out) throws IOException {
    try {
      workerWriter.writeValue(out, message);
    } catch (JacksonException e) {
      throw new IOException("cannot write " + message.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
    out.write('\n');
  }

  ParentMessage parseParent(String line) throws ProtocolException {
    try {
      return parentReader.readValue(line);
    } catch (JacksonException e) {
      throw notProtocol(line, e);
    }
  }

  WorkerMessage parseWorker(String line) throws ProtocolException {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    return parseWorker(bytes, bytes.length);
  }

  /** Parses the UTF-8 line in {@code bytes[0, length)}. */
  WorkerMessage parseWorker(byte[] bytes, int length) throws ProtocolException {
    try {
      return workerReader.readValue(bytes, 0, length);
    } catch (JacksonException e) {
      throw notProtocol(new String(bytes, 0, Math.min(length, 4 * QUOTED), StandardCharsets.UTF_8), e);
    }
  }

  private static ProtocolException notProtocol(String line, JacksonException e) {
    String quoted = line.length() > QUOTED ? line.substring(0, QUOTED) + "…" : line;
    return new ProtocolException("not a protocol line (" + e.getOriginalMessage() + "): " + quoted, e);
  }
}
