package io.crawlpipe.store;

import java.io.IOException;
import java.io.OutputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.SerializableString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.ObjectWriter;

/**
 * Turns results into lines of the results file: the JSON of {@link ResultJson#mapper()} and a
 * newline. A result whose data is plain (all a crawl produces, see
 * {@link CrawlResultSerializer#isPlain}) is written on one jackson-core generator kept from line
 * to line, without databind; any other goes through the mapper, built on first need. Both give
 * the same bytes.
 *
 * <p>Not thread-safe: one owner at a time (the {@link JsonLinesSink} lock). Holds no resources
 * beyond memory; the output stream passed to {@link #writeLine} stays the caller's.
 */
final class ResultLineEncoder {
  private final JsonFactory factory = ResultJson.factory();
  private final LineBuffer line = new LineBuffer(1024);
  /** Writes plain results into {@link #line}; null before the first line and after a failure. */
  private JsonGenerator generator;
  /** Writes the results whose data is not plain; null until one comes. */
  private ObjectWriter databind;

  /**
   * Builds the whole line for {@code result}, then writes it to {@code out} in one call.
   *
   * @throws IllegalStateException when the result cannot be serialised; nothing reached {@code out}
   * @throws IOException when {@code out} fails
   */
  void writeLine(CrawlResult result, OutputStream out) throws IOException {
    line.clear();
    try {
      if (CrawlResultSerializer.isPlain(result)) {
        writePlain(result);
      } else {
        if (databind == null) databind = ResultJson.mapper().writerFor(CrawlResult.class);
        databind.writeValue(line, result);
      }
    } catch (JacksonException | IllegalStateException e) {
      throw new IllegalStateException("cannot serialise result for " + result.url(), e);
    }
    line.write('\n');
    out.write(line.buffer(), 0, line.size());
  }

  private void writePlain(CrawlResult result) {
    if (generator == null) generator = factory.createGenerator(new NoSeparator(), line);
    boolean written = false;
    try {
      CrawlResultSerializer.write(result, generator, null);
      generator.flush();
      written = true;
    } finally {
      if (!written) generator = null; // left inside an object: start the next line on a new one
    }
  }

  /** Default settings, but nothing written between root values: each line is flushed out alone. */
  private static final class NoSeparator extends ObjectWriteContext.Base {
    @Override
    public SerializableString getRootValueSeparator(SerializableString defaultSeparator) {
      return null;
    }
  }
}
