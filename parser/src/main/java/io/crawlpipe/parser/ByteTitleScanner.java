package io.crawlpipe.parser;

import java.nio.charset.Charset;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link TitleScanner} on undecoded bytes: reads the body's markup with the same {@link
 * TitleFinder} as decoded text is read, and decodes only the bytes of the title's text. For a
 * charset that {@link #canScan} accepts, {@code title(body, from, charset)} equals {@code
 * TitleScanner.title(WebEncodings.decode(body, from, body.length - from, charset))}, what {@link
 * PageDecoder} gives, for every byte array, malformed ones included.
 *
 * <p>Why that holds: in every encoding of {@link #SCANNABLE} (the WHATWG encodings but UTF-16BE,
 * UTF-16LE, ISO-2022-JP and replacement, as {@link WebEncodings} decodes them), each byte below
 * 0x80 that begins a character decodes to the ASCII character of the same value, no multi-byte
 * sequence decodes to an ASCII character or holds a byte of {@code '<'}, {@code '>'}, quotes,
 * {@code '='}, {@code '-'}, {@code '!'}, {@code '/'} or whitespace (a trail byte can be an ASCII
 * letter in GBK, Big5, Shift_JIS and EUC-KR, and a digit in gb18030's four-byte sequences), and a
 * malformed sequence never takes an ASCII byte after its first ({@link WebCharset}). The finder
 * decides only on those bytes where any byte may precede them, so each one it sees is that
 * character; the bytes that follow one begin characters, so the ASCII letters and digits of a tag
 * name after a real {@code '<'} or {@code "</"} are those characters, and a byte of 0x80 or above,
 * like a non-ASCII char, makes the name none the finder knows. The bytes between a real {@code '>'}
 * and a real {@code '<'} decode to the same characters alone as inside the whole body. Stateless
 * and thread-safe.
 */
final class ByteTitleScanner {
  /** The WHATWG names of the encodings whose bytes can be scanned; see the class comment. */
  static final Set<String> SCANNABLE = scannable();

  private ByteTitleScanner() {}

  /** True when {@link #title} gives the same title as decoding first: an encoding of {@link #SCANNABLE}. */
  static boolean canScan(Charset charset) {
    return SCANNABLE.contains(charset.name()) && WebEncodings.forName(charset.name()) == charset;
  }

  /**
   * The title of the document in {@code body[from..]}, encoded in {@code charset} (one that
   * {@link #canScan} accepts), or null when it has no title element. An empty title yields "".
   */
  static String title(byte[] body, int from, Charset charset) {
    TitleFinder finder = new TitleFinder(new Markup.Bytes(body), from);
    int start = finder.titleStart();
    if (start < 0) return null;
    return TitleScanner.clean(WebEncodings.decode(body, start, finder.titleEnd(start) - start, charset));
  }

  private static Set<String> scannable() {
    Set<String> names = new TreeSet<>();
    for (String name : WebEncodings.names()) {
      if (WebEncodings.isAsciiCompatible(WebEncodings.forName(name))) names.add(name);
    }
    return Set.copyOf(names);
  }
}
