package io.crawlpipe.parser;

import java.nio.charset.Charset;
import java.util.Set;

/**
 * {@link TitleScanner} on undecoded bytes: finds the {@code <title>} tags in the body's bytes and
 * decodes only the bytes between them. For a charset that {@link #canScan} accepts, {@code
 * title(body, from, charset)} equals {@code TitleScanner.title(new String(body, from, body.length -
 * from, charset))} for every byte array, malformed ones included. Stateless and thread-safe.
 *
 * <p>Why that holds: in every charset of {@link #SCANNABLE}, each byte below 0x80 that begins a
 * character decodes to the ASCII character of the same value, no multi-byte sequence decodes to an
 * ASCII character, and the JDK's decoder never takes {@code '<'} (0x3C) or {@code '>'} (0x3E) into
 * a multi-byte or malformed sequence (in GBK, Big5 and Shift_JIS a trail byte can be an ASCII
 * letter, never one of these). So every 0x3C byte is a real {@code '<'} character; the bytes that
 * follow it begin characters, and an ASCII letter there is that letter; every 0x3E byte is a real
 * {@code '>'}; and the bytes between a real {@code '>'} and a real {@code '<'} decode to the same
 * characters alone as inside the whole body. The decoders of GB18030, EUC-JP and Big5-HKSCS do
 * swallow a {@code '<'} that follows a lead byte in malformed input, so they are not scanned.
 */
final class ByteTitleScanner {
  /** Canonical names of the charsets whose bytes can be scanned; see the class comment. */
  static final Set<String> SCANNABLE = Set.of(
      "UTF-8", "US-ASCII",
      "ISO-8859-1", "ISO-8859-2", "ISO-8859-3", "ISO-8859-4", "ISO-8859-5", "ISO-8859-6",
      "ISO-8859-7", "ISO-8859-8", "ISO-8859-9", "ISO-8859-13", "ISO-8859-15", "ISO-8859-16",
      "windows-1250", "windows-1251", "windows-1252", "windows-1253", "windows-1254",
      "windows-1255", "windows-1256", "windows-1257", "windows-1258",
      "GBK", "Big5", "Shift_JIS", "windows-31j", "EUC-KR");
  private static final byte[] OPEN = {'<', 't', 'i', 't', 'l', 'e'};
  private static final byte[] CLOSE = {'<', '/', 't', 'i', 't', 'l', 'e'};

  private ByteTitleScanner() {}

  /** True when {@link #title} gives the same title as decoding first for this charset. */
  static boolean canScan(Charset charset) {
    return SCANNABLE.contains(charset.name());
  }

  /**
   * The title of the document in {@code body[from..]}, encoded in {@code charset} (one that
   * {@link #canScan} accepts), or null when it has no title element. An empty title yields "".
   */
  static String title(byte[] body, int from, Charset charset) {
    int open = findOpenTag(body, from);
    if (open < 0) return null;
    int end = AsciiBytes.indexOfIgnoreCase(body, CLOSE, open, body.length);
    if (end < 0) end = body.length;
    return TitleScanner.clean(new String(body, open, end - open, charset));
  }

  /** Index just after the first {@code <title ...>} tag's '>', or -1. */
  private static int findOpenTag(byte[] body, int from) {
    int at = from;
    while (true) {
      at = AsciiBytes.indexOfIgnoreCase(body, OPEN, at, body.length);
      if (at < 0) return -1;
      int after = at + OPEN.length;
      if (after >= body.length) return -1;
      if (TitleScanner.endsTagName(body[after] & 0xff)) {
        for (int i = after; i < body.length; i++) {
          if (body[i] == '>') return i + 1;
        }
        return -1;
      }
      at = after;
    }
  }
}
