package io.crawlpipe.parser;

import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.util.Objects;

/**
 * A WHATWG encoding whose {@link #decode} of a whole input is the standard's, where a JDK charset's
 * decoder differs; streaming callers get that JDK charset's {@link #newDecoder()} and {@link
 * #newEncoder()}. {@link WebEncodings#decode} calls {@link #decode}. Immutable and thread-safe.
 */
abstract class WholeInputCharset extends Charset {
  private final Charset jdk;

  WholeInputCharset(String name, Charset jdk) {
    super(name, null);
    this.jdk = Objects.requireNonNull(jdk, "jdk");
  }

  /** The text of {@code b[off..off+len)}, the whole input, as the standard decodes it. */
  abstract String decode(byte[] b, int off, int len);

  /** The JDK charset that streams this encoding. */
  final Charset jdk() {
    return jdk;
  }

  @Override
  public final boolean contains(Charset cs) {
    return jdk.contains(cs);
  }

  @Override
  public final CharsetDecoder newDecoder() {
    return jdk.newDecoder();
  }

  @Override
  public final CharsetEncoder newEncoder() {
    return jdk.newEncoder();
  }
}
