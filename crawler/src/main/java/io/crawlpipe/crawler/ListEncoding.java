package io.crawlpipe.crawler;

import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A URL list's reader that knows the encoding its characters were decoded from, so that a line's
 * {@code invalid_url} message can say what a U+FFFD in it stands for ({@link UrlSource#encoding}).
 * A reader that wraps another says what the wrapped one says.
 */
public interface ListEncoding {
  /** The encoding of the characters read so far: UTF-8 until known. Never null; safe to call from any thread. */
  Charset encoding();

  /** What {@code reader} says, if it is a {@link ListEncoding}; else UTF-8, the list's default. */
  static Charset of(Reader reader) {
    return reader instanceof ListEncoding list ? list.encoding() : StandardCharsets.UTF_8;
  }
}
