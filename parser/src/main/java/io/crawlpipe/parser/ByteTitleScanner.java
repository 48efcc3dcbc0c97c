package io.crawlpipe.parser;

import java.nio.charset.Charset;
import java.util.Set;

/**
 * {@link TitleScanner} on undecoded bytes: reads the body's markup with the same {@link
 * TitleFinder} as decoded text is read, and decodes only the bytes of the title's text. For a
 * charset that {@link #canScan} accepts, {@code title(body, from, charset)} equals {@code
 * TitleScanner.title(new String(body, from, body.length - from, charset))} for every byte array,
 * malformed ones included. Stateless and thread-safe.
 *
 * <p>Why that holds: in every charset of {@link #SCANNABLE}, each byte below 0x80 that begins a
 * character decodes to the ASCII character of the same value, no multi-byte sequence decodes to an
 * ASCII character, and the JDK's decoder never takes an ASCII byte below 0x40 into a multi-byte or
 * malformed sequence (in GBK, Big5 and Shift_JIS a trail byte can be an ASCII letter, never one
 * of these). The finder decides only on such bytes where any byte may precede them ({@code '<'},
 * {@code '>'}, quotes, {@code '='}, {@code '-'}, {@code '!'}, {@code '/'}, whitespace), so each
 * one it sees is that character; the bytes that follow one begin characters, so the ASCII letters
 * of a tag name after a real {@code '<'} or {@code "</"} are those letters, and a byte of 0x80 or
 * above, like a non-ASCII char, makes the name none the finder knows. The bytes between a real
 * {@code '>'} and a real {@code '<'} decode to the same characters alone as inside the whole
 * body. The decoders of GB18030, EUC-JP and Big5-HKSCS do swallow a {@code '<'} that follows a
 * lead byte in malformed input, so they are not scanned.
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
    TitleFinder finder = new TitleFinder(new Markup.Bytes(body), from);
    int start = finder.titleStart();
    if (start < 0) return null;
    return TitleScanner.clean(new String(body, start, finder.titleEnd(start) - start, charset));
  }
}
