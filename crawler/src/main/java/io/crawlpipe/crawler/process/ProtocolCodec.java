package io.crawlpipe.crawler.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * The worker protocol, version {@value #VERSION}: one JSON object per line, UTF-8, snake_case
 * names, a {@code type} field naming the message. JSON strings escape line breaks, so a message
 * never spans lines. A page's line is the one exception to "a line is a message": it declares
 * {@code body_length} N, and the body's N raw bytes follow its newline, neither encoded nor
 * escaped, before the next line. Unknown fields are ignored, so a version can add fields; anything
 * else needs a new version, and both sides refuse a hello with another version.
 *
 * <pre>
 * parent → worker  {"type":"hello","version":8,"worker":1,"concurrency":128,"idle_connections":2048,"timeout_ms":30000,…}
 * worker → parent  {"type":"hello","version":8,"pid":4242}
 * parent → worker  {"type":"fetch","id":7,"url":"https://example.org/","report_start":true}
 * worker → parent  {"type":"started","id":7}   (if asked, once the request is written: a delayed host, robots.txt)
 * worker → parent  {"type":"page","id":7,"final_url":…,"status":200,"content_type":…,"headers":{…},
 *                   "fetched_at_second":1767323045,"fetched_at_nano":123000000,"elapsed_ms":12,"attempts":1,
 *                   "body_length":5120}
 *                  (one line), then the body's 5120 bytes
 *               or {"type":"failure","id":7,"error_type":"timeout","message":…,
 *                   "fetched_at_second":1767323045,"fetched_at_nano":123000000,"elapsed_ms":30001,"attempts":1}
 * </pre>
 *
 * The parent reads worker messages with a {@link WorkerMessageReader}: a line that is not a
 * message is skipped, but a page whose {@code body_length} is not a whole number from 0 to the
 * body limit ({@code --max-bytes}) or whose body the stream ends inside, and a line longer than
 * {@value WorkerMessageReader#MAX_LINE} bytes, leave the stream out of step ({@link FrameException}).
 * Version 1 carried the body as base64 in a {@code body} field, and the time as ISO-8601 text;
 * decoding them cost the parent more CPU than anything else in the crawl. Version 2's hello had
 * one proxy for every URL ({@code proxy}); version 3's adds the {@code https} proxy, the hosts
 * that bypass them and whether loopback hosts do (proxies from the environment). Version 4 adds
 * {@code report_start} and the {@code started} message: a host's {@code --delay} is timed from when
 * a worker writes a request, not from when the parent queued it. Version 5's hello adds
 * {@code headers}, the {@code --header} lines added to every request (an older worker would have
 * ignored them). A failure's {@code fetched_at_second}, {@code fetched_at_nano} and {@code
 * elapsed_ms} (when the worker started the fetch, and how long it took) came later within version
 * 5, as added fields: a parent that reads a failure without them times it itself. Version 6's
 * hello adds {@code idle_connections}, the idle connections the worker's client keeps, sized for
 * the whole run's {@code --concurrency} ({@code concurrency} stays the worker's share, the URLs it
 * is sent at most): a version 5 worker would have ignored it and kept a pool sized for its share.
 * Version 7's hello adds {@code ca_certificates}, the {@code --ca-cert} certificates as PEM text,
 * which the parent read once: a version 6 worker would have ignored them and refused every site
 * they sign. Version 8's hello adds {@code insecure} ({@code --insecure}; written only when true):
 * the worker checks no server's certificate or host name. A version 7 worker would have ignored it
 * and failed every such site as {@code tls}.
 *
 * <p>Both sides read and write with jackson-core's streaming API, field by field: data binding
 * (a mapper, its record introspection and polymorphic types) was over a third of a worker's
 * start-up CPU.
 *
 * <p>Thread-safe.
 */
final class ProtocolCodec {
  /** Bumped on any change an older peer could misread. */
  static final int VERSION = 8;

  private final JsonFactory json = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
      .build();

  /** The message as one line, newline included. */
  byte[] line(ParentMessage message) {
    ByteArrayOutputStream line = new ByteArrayOutputStream(message instanceof ParentMessage.Fetch ? 128 : 512);
    writeObject(line, gen -> {
      switch (message) {
        case ParentMessage.Hello hello -> writeHello(hello, gen);
        case ParentMessage.Fetch fetch -> {
          gen.writeStringProperty("type", "fetch");
          gen.writeNumberProperty("id", fetch.id());
          gen.writeStringProperty("url", fetch.url());
          if (fetch.reportStart()) gen.writeBooleanProperty("report_start", true);
        }
      }
    });
    line.write('\n');
    return line.toByteArray();
  }

  /** One JSON object on {@code out}, its fields written by {@code fields}; {@code out} is neither closed nor flushed. */
  private void writeObject(OutputStream out, Consumer<JsonGenerator> fields) {
    try (JsonGenerator gen = json.createGenerator(ObjectWriteContext.empty(), out)) {
      gen.writeStartObject();
      fields.accept(gen);
      gen.writeEndObject();
    }
  }

  private static void writeHello(ParentMessage.Hello hello, JsonGenerator gen) {
    gen.writeStringProperty("type", "hello");
    gen.writeNumberProperty("version", hello.version());
    gen.writeNumberProperty("worker", hello.worker());
    gen.writeNumberProperty("concurrency", hello.concurrency());
    gen.writeNumberProperty("idle_connections", hello.idleConnections());
    gen.writeNumberProperty("timeout_ms", hello.timeoutMs());
    gen.writeNumberProperty("max_bytes", hello.maxBytes());
    gen.writeNumberProperty("max_redirects", hello.maxRedirects());
    writeIfSet(gen, "user_agent", hello.userAgent());
    writeIfSet(gen, "client", hello.client());
    writeIfSet(gen, "proxy", hello.proxy());
    writeIfSet(gen, "https_proxy", hello.httpsProxy());
    writeIfSet(gen, "no_proxy", hello.noProxy());
    writeIfSet(gen, "headers", hello.headers());
    gen.writeBooleanProperty("loopback_direct", hello.loopbackDirect());
    writeIfSet(gen, "ca_certificates", hello.caCertificates());
    if (hello.insecure()) gen.writeBooleanProperty("insecure", true);
  }

  private static void writeIfSet(JsonGenerator gen, String name, String value) {
    if (value != null) gen.writeStringProperty(name, value);
  }

  private static void writeIfSet(JsonGenerator gen, String name, List<String> values) {
    if (values == null) return;
    gen.writeName(name);
    gen.writeStartArray();
    for (String value : values) gen.writeString(value);
    gen.writeEndArray();
  }

  /**
   * Writes the message and a newline to {@code out} without an intermediate copy, a page's body
   * bytes after its line; does not flush.
   */
  void write(WorkerMessage message, OutputStream out) throws IOException {
    try {
      writeObject(out, gen -> {
        switch (message) {
          case WorkerMessage.Page page -> writePage(page, gen);
          case WorkerMessage.Hello hello -> {
            gen.writeStringProperty("type", "hello");
            gen.writeNumberProperty("version", hello.version());
            gen.writeNumberProperty("pid", hello.pid());
          }
          case WorkerMessage.Started started -> {
            gen.writeStringProperty("type", "started");
            gen.writeNumberProperty("id", started.id());
          }
          case WorkerMessage.Failure failure -> {
            gen.writeStringProperty("type", "failure");
            gen.writeNumberProperty("id", failure.id());
            gen.writeStringProperty("error_type", failure.errorType().code());
            writeIfSet(gen, "message", failure.message());
            if (failure.fetchedAt() != null) writeTiming(gen, failure.fetchedAt(), failure.elapsedMs());
            gen.writeNumberProperty("attempts", failure.attempts());
          }
        }
      });
      out.write('\n');
      if (message instanceof WorkerMessage.Page page) out.write(page.body());
    } catch (JacksonException e) {
      throw new IOException("cannot write " + message.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }

  /** A page's line (its body follows the line, outside it). */
  private static void writePage(WorkerMessage.Page page, JsonGenerator gen) {
    gen.writeStringProperty("type", "page");
    gen.writeNumberProperty("id", page.id());
    gen.writeStringProperty("final_url", page.finalUrl());
    gen.writeNumberProperty("status", page.status());
    writeIfSet(gen, "content_type", page.contentType());
    if (page.headers() != null) {
      gen.writeName("headers");
      gen.writeStartObject();
      for (Map.Entry<String, String> header : page.headers().entrySet()) gen.writeStringProperty(header.getKey(), header.getValue());
      gen.writeEndObject();
    }
    writeTiming(gen, page.fetchedAt(), page.elapsedMs());
    gen.writeNumberProperty("attempts", page.attempts());
    gen.writeNumberProperty("body_length", page.body().length);
  }

  /** When a fetch started, as {@link Instant} holds it, and how long it took. */
  private static void writeTiming(JsonGenerator gen, Instant fetchedAt, long elapsedMs) {
    gen.writeNumberProperty("fetched_at_second", fetchedAt.getEpochSecond());
    gen.writeNumberProperty("fetched_at_nano", fetchedAt.getNano());
    gen.writeNumberProperty("elapsed_ms", elapsedMs);
  }

  /** A reader of the worker messages on {@code in}, which accepts page bodies up to {@code maxBodyBytes}. */
  WorkerMessageReader reader(InputStream in, long maxBodyBytes) {
    return new WorkerMessageReader(in, maxBodyBytes, json);
  }

  /**
   * A hello, its absent fields as zero, false or null; one of another version is read for its
   * version alone (the worker names both and exits, whatever else the hello holds).
   */
  private static ParentMessage.Hello hello(MessageFields f) throws ProtocolException {
    int version = f.integerOrZero("version");
    if (version != VERSION) return new ParentMessage.Hello(version, 0, 0, 0, 0, 0, 0, null, null, null, null, null, false, null, null, false);
    return new ParentMessage.Hello(version, f.integerOrZero("worker"), f.integerOrZero("concurrency"),
        f.integerOrZero("idle_connections"), f.numberOrZero("timeout_ms"), f.numberOrZero("max_bytes"),
        f.integerOrZero("max_redirects"),
        f.text("user_agent"), f.text("client"), f.text("proxy"), f.text("https_proxy"), f.textList("no_proxy"),
        f.flag("loopback_direct"), f.textList("headers"), f.text("ca_certificates"), f.flag("insecure"));
  }

  /** The parent's message on {@code line}; unknown fields are ignored. */
  ParentMessage parseParent(String line) throws ProtocolException {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    MessageFields f = MessageFields.parse(json, bytes, bytes.length);
    String type = f.requiredText("type");
    try {
      return switch (type) {
        case "fetch" -> new ParentMessage.Fetch(f.number("id"), f.requiredText("url"), f.flag("report_start"));
        case "hello" -> hello(f);
        default -> throw f.notProtocol("unknown type " + MessageFields.shown(type));
      };
    } catch (IllegalArgumentException | NullPointerException e) {
      throw f.notProtocol(e.getMessage());
    }
  }
}
