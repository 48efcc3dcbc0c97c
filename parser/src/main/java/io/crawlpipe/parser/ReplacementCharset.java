package io.crawlpipe.parser;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;

/**
 * The WHATWG {@code replacement} encoding, the one of the labels {@code iso-2022-kr}, {@code
 * hz-gb-2312}, {@code iso-2022-cn} and {@code iso-2022-cn-ext}: encodings browsers refuse to
 * decode (their escape sequences can hide markup), so any non-empty input decodes to a single
 * U+FFFD and an empty one to nothing. It cannot encode. Immutable and thread-safe.
 */
final class ReplacementCharset extends Charset {
  ReplacementCharset() {
    super("replacement", null);
  }

  @Override
  public boolean contains(Charset cs) {
    return false;
  }

  @Override
  public boolean canEncode() {
    return false;
  }

  @Override
  public CharsetDecoder newDecoder() {
    return new CharsetDecoder(this, 1, 1) {
      private boolean replaced;

      @Override
      protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
        if (in.hasRemaining() && !replaced) {
          if (!out.hasRemaining()) return CoderResult.OVERFLOW;
          out.put('\uFFFD');
          replaced = true;
        }
        in.position(in.limit());
        return CoderResult.UNDERFLOW;
      }

      @Override
      protected void implReset() {
        replaced = false;
      }
    };
  }

  @Override
  public CharsetEncoder newEncoder() {
    throw new UnsupportedOperationException("the replacement encoding cannot encode");
  }
}
