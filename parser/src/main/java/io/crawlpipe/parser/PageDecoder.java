package io.crawlpipe.parser;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Chooses a page's charset and decodes it, as browsers do. Order: a byte-order mark (UTF-8,
 * UTF-16BE, UTF-16LE); else the Content-Type header's {@code charset}; else, for HTML and every
 * type but XML, the HTML standard's prescan of the first {@value #SNIFF_BYTES} bytes: the first
 * {@code <meta>} declaring a charset ({@link MetaCharsetScanner}), or when there is none, as its
 * last step ("get an XML encoding") does, an XML declaration's {@code encoding} at byte 0 ({@link
 * XmlDeclaration}: an XHTML page served as {@code text/html}); for XML types ({@code *}{@code
 * /xml}, {@code *+xml}, or no type and a body starting with {@code <?xml} that is no XHTML page:
 * {@link ContentTypes#isXml(String, byte[])}) only the XML declaration; else UTF-8, unless the
 * bytes are plainly not UTF-8 (see {@link Utf8Bytes#mostlyWellFormed}): then windows-1252, the
 * fallback of browsers in most locales and Scrapy's after UTF-8. Labels are
 * WHATWG labels and each encoding decodes as {@link WebEncodings} says ({@code charset=utf-16}
 * without a BOM is UTF-16LE, {@code iso-8859-1} and {@code ascii} are windows-1252). A label
 * naming no encoding counts as none.
 *
 * <p>One step past browsers: when the header says UTF-8, the body is not valid UTF-8, the page
 * declares another charset, and the body's malformed UTF-8 sequences outnumber its well-formed
 * multi-byte ones (so the bytes are not UTF-8 with a stray error: a common server
 * misconfiguration), the declared charset wins. Malformed bytes decode to U+FFFD, never an error.
 * Stateless and thread-safe.
 */
public final class PageDecoder {
  /** How many bytes from the start the meta prescan and the XML declaration are looked for in. */
  static final int SNIFF_BYTES = 4096;
  private static final Charset WINDOWS_1252 = WebEncodings.forLabel("windows-1252");
  private static final Charset UTF_16BE = WebEncodings.forName("UTF-16BE");
  private static final Charset UTF_16LE = WebEncodings.forName("UTF-16LE");

  private PageDecoder() {}

  /** Decodes {@code body} following the order described on this class. */
  public static DecodedText decode(byte[] body, String contentType) {
    return encoding(body, contentType).decode(body);
  }

  /** The charset {@link #decode} uses for these bytes and where the text starts (after a BOM). */
  static Encoding encoding(byte[] body, String contentType) {
    Encoding bom = Encoding.ofBom(body);
    return bom != null ? bom : new Encoding(chooseCharset(body, contentType), 0);
  }

  /** The charset {@link #decode} would use for these bytes, BOM aside. */
  static Charset chooseCharset(byte[] body, String contentType) {
    Charset header = WebEncodings.forLabel(ContentTypes.charsetParameter(contentType));
    boolean utf8Header = StandardCharsets.UTF_8.equals(header);
    Charset declared = header == null || utf8Header ? declaredCharset(body, contentType) : null;
    if (header == null) return declared != null ? declared : undeclared(body);
    // Well-formed UTF-8 is mostly well-formed: one scan, no decoding, settles both.
    if (utf8Header && declared != null && !declared.equals(header) && !Utf8Bytes.mostlyWellFormed(body)) {
      return declared;
    }
    return header;
  }

  /** Nothing declares a charset: UTF-8, or windows-1252 for bytes that are plainly not UTF-8 (one scan, no decoding). */
  private static Charset undeclared(byte[] body) {
    return Utf8Bytes.mostlyWellFormed(body) ? StandardCharsets.UTF_8 : WINDOWS_1252;
  }

  /** The charset the body itself declares in its first bytes, or null; see the class comment. */
  static Charset declaredCharset(byte[] body, String contentType) {
    if (ContentTypes.isXml(contentType, body)) return XmlDeclaration.charset(body, SNIFF_BYTES);
    Charset meta = MetaCharsetScanner.charset(body, SNIFF_BYTES);
    return meta != null ? meta : XmlDeclaration.charset(body, SNIFF_BYTES);
  }

  /** A body's charset and the index its text starts at: 0, or the length of its byte-order mark. */
  record Encoding(Charset charset, int offset) {
    Encoding {
      Objects.requireNonNull(charset, "charset");
      if (offset < 0) throw new IllegalArgumentException("offset must be >= 0, was " + offset);
    }

    /** The text of {@code body} from {@code offset}, decoded with {@code charset}. */
    DecodedText decode(byte[] body) {
      return new DecodedText(WebEncodings.decode(body, offset, body.length - offset, charset), charset);
    }

    static Encoding ofBom(byte[] b) {
      if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
        return new Encoding(StandardCharsets.UTF_8, 3);
      }
      if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
        return new Encoding(UTF_16BE, 2);
      }
      if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
        return new Encoding(UTF_16LE, 2);
      }
      return null;
    }
  }
}
