package io.crawlpipe.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * A JSON string whose quoted form escapes the next-line control U+0085, the line separator U+2028
 * and the paragraph separator U+2029 (<code>&#92;u0085</code>, <code>&#92;u2028</code>, <code>&#92;u2029</code>),
 * and every other character as jackson-core's generator does by default (quotes, backslashes and
 * C0 controls escaped, the rest raw UTF-8). Valid JSON allows the three raw, but Python's {@code
 * str.splitlines()}, JavaScript before ES2019 (the two separators) and many editors take them for
 * line breaks, so a results line holding one raw would read as two.
 *
 * <p>Built only for a string that holds one ({@link WellFormedText#isSafe} is false): the
 * generator writes every other string itself. Immutable; the arrays it hands out are its own and
 * must not be changed.
 */
final class SeparatorEscapedText implements SerializableString {
  private final String value;
  private final char[] quoted;
  private final byte[] quotedUtf8;

  /** The string {@code value} (not null), to be written with its separators escaped. */
  SeparatorEscapedText(String value) {
    this.value = value;
    this.quoted = quote(value);
    this.quotedUtf8 = new String(quoted).getBytes(StandardCharsets.UTF_8);
  }

  /** {@code value}'s JSON string content, without the surrounding quotes. */
  private static char[] quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 16);
    JsonStringEncoder encoder = JsonStringEncoder.getInstance();
    int from = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!isLineBreak(c)) continue;
      encoder.quoteAsString(value.subSequence(from, i), out);
      out.append(c == '\u0085' ? "\\u0085" : c == '\u2028' ? "\\u2028" : "\\u2029");
      from = i + 1;
    }
    encoder.quoteAsString(value.subSequence(from, value.length()), out);
    char[] chars = new char[out.length()];
    out.getChars(0, chars.length, chars, 0);
    return chars;
  }

  /** True for the characters this class escapes and the generator writes raw. */
  private static boolean isLineBreak(char c) {
    return c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  @Override
  public String getValue() {
    return value;
  }

  @Override
  public int charLength() {
    return value.length();
  }

  @Override
  public char[] asQuotedChars() {
    return quoted;
  }

  @Override
  public byte[] asUnquotedUTF8() {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public byte[] asQuotedUTF8() {
    return quotedUtf8;
  }

  @Override
  public int appendQuotedUTF8(byte[] buffer, int offset) {
    return append(quotedUtf8, buffer, offset);
  }

  @Override
  public int appendQuoted(char[] buffer, int offset) {
    if (offset + quoted.length > buffer.length) return -1;
    System.arraycopy(quoted, 0, buffer, offset, quoted.length);
    return quoted.length;
  }

  @Override
  public int appendUnquotedUTF8(byte[] buffer, int offset) {
    return append(asUnquotedUTF8(), buffer, offset);
  }

  @Override
  public int appendUnquoted(char[] buffer, int offset) {
    int length = value.length();
    if (offset + length > buffer.length) return -1;
    value.getChars(0, length, buffer, offset);
    return length;
  }

  @Override
  public int writeQuotedUTF8(OutputStream out) throws IOException {
    out.write(quotedUtf8);
    return quotedUtf8.length;
  }

  @Override
  public int writeUnquotedUTF8(OutputStream out) throws IOException {
    byte[] bytes = asUnquotedUTF8();
    out.write(bytes);
    return bytes.length;
  }

  @Override
  public int putQuotedUTF8(ByteBuffer buffer) {
    return put(quotedUtf8, buffer);
  }

  @Override
  public int putUnquotedUTF8(ByteBuffer buffer) {
    return put(asUnquotedUTF8(), buffer);
  }

  /** Copies {@code bytes} into {@code buffer} at {@code offset}; their length, or -1 when they do not fit. */
  private static int append(byte[] bytes, byte[] buffer, int offset) {
    if (offset + bytes.length > buffer.length) return -1;
    System.arraycopy(bytes, 0, buffer, offset, bytes.length);
    return bytes.length;
  }

  private static int put(byte[] bytes, ByteBuffer buffer) {
    if (bytes.length > buffer.remaining()) return -1;
    buffer.put(bytes);
    return bytes.length;
  }

  @Override
  public String toString() {
    return value;
  }
}
