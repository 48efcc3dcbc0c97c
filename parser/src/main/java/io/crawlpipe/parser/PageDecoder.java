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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
  private static final Pattern META_CHARSET = Pattern.compile(
      "<meta[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);
  /** WHATWG-style labels that Java names differently or decodes too strictly. */
  private static final Map<String, String> ALIASES = Map.of(
      "gb2312", "GBK", "x-gbk", "GBK", "gb_2312-80", "GBK",
      "iso-8859-1", "windows-1252", "latin1", "windows-1252", "us-ascii", "windows-1252",
      "utf8", "UTF-8", "unicode-1-1-utf-8", "UTF-8");

  private PageDecoder() {}

  /** Decodes {@code body} following the order described on this class. */
  public static DecodedText decode(byte[] body, String contentType) {
    Bom bom = Bom.of(body);
    if (bom != null) {
      return new DecodedText(new String(body, bom.length, body.length - bom.length, bom.charset), bom.charset);
    }
    Charset charset = chooseCharset(body, contentType);
    return new DecodedText(new String(body, charset), charset);
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

  /** The charset declared by a meta tag near the start of the document, or null. */
  static Charset metaCharset(byte[] body) {
    String head = new String(body, 0, Math.min(body.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(head);
    return m.find() ? lookup(m.group(1)) : null;
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

  private record Bom(Charset charset, int length) {
    static Bom of(byte[] b) {
      if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
        return new Bom(StandardCharsets.UTF_8, 3);
      }
      if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
        return new Bom(StandardCharsets.UTF_16BE, 2);
      }
      if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
        return new Bom(StandardCharsets.UTF_16LE, 2);
      }
      return null;
    }
  }
}
