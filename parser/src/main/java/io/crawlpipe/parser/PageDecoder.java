package io.crawlpipe.parser;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Chooses a page's charset and decodes it. Order, as browsers do it: a byte-order mark; else the
 * Content-Type header's charset; else a {@code <meta charset>} or {@code http-equiv} declaration in
 * the first 4 KiB; else UTF-8. One step further than most crawlers: when the header claims UTF-8
 * but the bytes are not valid UTF-8 and the page's meta names another charset (a common server
 * misconfiguration), the meta charset wins. Malformed bytes decode to U+FFFD, never an error.
 * Stateless and thread-safe.
 */
public final class PageDecoder {
  private static final int META_SCAN_BYTES = 4096;
  /** WHATWG-style labels that Java names differently or decodes too strictly. */
  private static final Map<String, String> ALIASES = Map.of(
      "gb2312", "GBK", "x-gbk", "GBK", "gb_2312-80", "GBK",
      "iso-8859-1", "windows-1252", "latin1", "windows-1252", "us-ascii", "windows-1252",
      "utf8", "UTF-8", "unicode-1-1-utf-8", "UTF-8");

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
    Charset header = lookup(ContentTypes.charsetParameter(contentType));
    Charset meta = header == null || header.equals(StandardCharsets.UTF_8) ? metaCharset(body) : null;
    if (header == null) return meta != null ? meta : StandardCharsets.UTF_8;
    if (header.equals(StandardCharsets.UTF_8) && meta != null && !meta.equals(header) && !isValidUtf8(body)) {
      return meta;
    }
    return header;
  }

  /** The charset declared by a meta tag in the first 4 KiB, or null; see {@link MetaCharsetScanner}. */
  static Charset metaCharset(byte[] body) {
    return lookup(MetaCharsetScanner.label(body, META_SCAN_BYTES));
  }

  /** A supported charset for a label, or null for blank, unknown or unsupported labels. */
  static Charset lookup(String label) {
    if (label == null || label.isBlank()) return null;
    String name = label.strip().toLowerCase(Locale.ROOT);
    name = ALIASES.getOrDefault(name, name);
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null;
    }
  }

  static boolean isValidUtf8(byte[] body) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** A body's charset and the index its text starts at: 0, or the length of its byte-order mark. */
  record Encoding(Charset charset, int offset) {
    Encoding {
      Objects.requireNonNull(charset, "charset");
      if (offset < 0) throw new IllegalArgumentException("offset must be >= 0, was " + offset);
    }

    /** The text of {@code body} from {@code offset}, decoded with {@code charset}. */
    DecodedText decode(byte[] body) {
      return new DecodedText(new String(body, offset, body.length - offset, charset), charset);
    }

    static Encoding ofBom(byte[] b) {
      if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
        return new Encoding(StandardCharsets.UTF_8, 3);
      }
      if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
        return new Encoding(StandardCharsets.UTF_16BE, 2);
      }
      if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
        return new Encoding(StandardCharsets.UTF_16LE, 2);
      }
      return null;
    }
  }
}
