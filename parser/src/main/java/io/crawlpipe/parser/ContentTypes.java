package io.crawlpipe.parser;

import java.nio.charset.Charset;

/** Small, allocation-light helpers for Content-Type header values. Stateless and thread-safe. */
public final class ContentTypes {
  /** What an untyped body starts with ({@link #sniff}): neither of the others, a tag, an XML declaration. */
  private static final int OTHER = 0;
  private static final int MARKUP = 1;
  private static final int XML = 2;

  private ContentTypes() {}

  /**
   * The media type without parameters, lower case, or null when the header is absent, or has no
   * valid {@code type/subtype} (each part an HTTP token) before its parameters: as the WHATWG "parse
   * a MIME type" fails on {@code charset=utf-8}, {@code UTF-8}, {@code text} or a blank value, and a
   * browser then sniffs the body, a value with none is taken as no Content-Type by every method here.
   */
  public static String mediaType(String contentType) {
    return contentType == null ? null : MimeParameters.mediaType(contentType);
  }

  /**
   * The {@code charset} parameter's value, unquoted, or null when there is none or it is empty:
   * parameters are parsed as the WHATWG "parse a MIME type" parses them, so that only a parameter
   * named {@code charset} counts, the first one wins, and a {@code ;} in a quoted value does not end
   * it; and, as there, a value without a valid {@code type/subtype} before its parameters ({@code ;
   * charset=x}, {@code charset=x}) has none (see {@link MimeParameters}).
   */
  public static String charsetParameter(String contentType) {
    if (contentType == null) return null;
    String value = MimeParameters.charset(contentType);
    return value == null || value.isEmpty() ? null : value;
  }

  /**
   * The part of a Content-Type that reading a body depends on: its media type ({@link #mediaType})
   * and, when its {@code charset} parameter names a WHATWG encoding, {@code ; charset=} and that
   * encoding's name ({@code text/html; charset=windows-1251}); null when it has neither. Decoding,
   * the HTML and XML tests and the textual test give the same answers for it as for the whole
   * value, which may be far longer.
   */
  public static String essential(String contentType) {
    String type = mediaType(contentType);
    Charset charset = WebEncodings.forLabel(charsetParameter(contentType));
    if (charset == null) return type;
    return (type == null ? "" : type) + "; charset=" + charset.name();
  }

  /**
   * HTML when the media type says so, or when there is no media type and the body starts with
   * {@code '<'} but not with an XML declaration's {@code <?xml} (see {@link #isXml(String, byte[])}),
   * unless that declaration is an XHTML page's: a doctype {@code html} or an {@code html} root
   * element follows it in the first 1 KiB.
   */
  public static boolean isHtml(String contentType, byte[] body) {
    String type = mediaType(contentType);
    if (type == null) return sniff(body) == MARKUP;
    return type.equals("text/html") || type.equals("application/xhtml+xml");
  }

  /** Types whose bodies are worth reading as text: text/*, JSON, XML and their +json/+xml kin. */
  public static boolean isTextual(String contentType) {
    String type = mediaType(contentType);
    if (type == null) return true;
    return type.startsWith("text/") || type.endsWith("/json") || type.endsWith("+json")
        || type.endsWith("/xml") || type.endsWith("+xml") || type.equals("application/javascript");
  }

  /** XML media types, whose bodies declare their charset with {@code <?xml encoding=...?>}: {@code *}{@code /xml}, {@code *+xml}. */
  public static boolean isXml(String contentType) {
    String type = mediaType(contentType);
    return type != null && (type.endsWith("/xml") || type.endsWith("+xml"));
  }

  /**
   * An XML media type ({@link #isXml(String)}), or no media type and a body that starts with
   * {@code <?xml}, as the MIME Sniffing Standard sniffs XML: an RSS feed served without a type is
   * XML, not HTML. "Starts" is as {@link #isHtml} reads it: after whitespace, and after a BOM.
   */
  public static boolean isXml(String contentType, byte[] body) {
    return mediaType(contentType) == null ? sniff(body) == XML : isXml(contentType);
  }

  /**
   * What the first character in the first 1 KiB that is not whitespace (or part of a UTF-8 BOM)
   * starts: {@link #XML} for {@code <?xml}, {@link #MARKUP} for another {@code '<'}, else {@link
   * #OTHER}; after a UTF-16 BOM, characters are 16-bit units of that byte order.
   */
  private static int sniff(byte[] body) {
    int limit = Math.min(body.length, 1024);
    boolean littleEndian = startsWith(body, 0xFF, 0xFE);
    int width = littleEndian || startsWith(body, 0xFE, 0xFF) ? 2 : 1;
    for (int i = width == 2 ? 2 : 0; i + width <= limit; i += width) {
      int c = unit(body, i, width, littleEndian);
      if (c == '<') {
        if (!startsXmlDeclaration(body, i + width, width, littleEndian)) return MARKUP;
        return rootIsHtml(body, i + width, limit, width, littleEndian) ? MARKUP : XML;
      }
      boolean bomByte = width == 1 && (c == 0xEF || c == 0xBB || c == 0xBF);
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && !bomByte) return OTHER;
    }
    return OTHER;
  }

  /**
   * After an XML declaration, whether the document is XHTML: its doctype ({@code <!DOCTYPE html})
   * or its first element ({@code <html}) before {@code limit}, as a browser gives an XHTML document
   * served without a type its title. Processing instructions and comments are passed over.
   */
  private static boolean rootIsHtml(byte[] body, int from, int limit, int width, boolean littleEndian) {
    for (int i = from; i + 2 * width <= limit; i += width) {
      if (unit(body, i, width, littleEndian) != '<') continue;
      int next = unit(body, i + width, width, littleEndian);
      if (next == '?') continue;
      if (next == '!') {
        if (matches(body, i + 2 * width, "doctype html", width, littleEndian)) return true;
        continue;
      }
      return matches(body, i + width, "html", width, littleEndian) && !isNameUnit(body, i + 5 * width, width, littleEndian);
    }
    return false;
  }

  /** True when the units from {@code i} are {@code lower} (ASCII letters in either case). */
  private static boolean matches(byte[] body, int i, String lower, int width, boolean littleEndian) {
    if (i + lower.length() * width > body.length) return false;
    for (int k = 0; k < lower.length(); k++) {
      int c = unit(body, i + k * width, width, littleEndian);
      if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != lower.charAt(k)) return false;
    }
    return true;
  }

  /** True when the unit at {@code i} continues an XML name (so {@code <htmlx} is no {@code <html}). */
  private static boolean isNameUnit(byte[] body, int i, int width, boolean littleEndian) {
    if (i + width > body.length) return false;
    int c = unit(body, i, width, littleEndian);
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.'
        || c == ':' || c >= 0x80;
  }

  /** True when the units from {@code i} are {@code ?xml}. */
  private static boolean startsXmlDeclaration(byte[] body, int i, int width, boolean littleEndian) {
    String rest = "?xml";
    if (i + rest.length() * width > body.length) return false;
    for (int k = 0; k < rest.length(); k++) {
      if (unit(body, i + k * width, width, littleEndian) != rest.charAt(k)) return false;
    }
    return true;
  }

  /** The code unit at {@code i}: a byte, or a 16-bit unit in the given byte order. */
  private static int unit(byte[] body, int i, int width, boolean littleEndian) {
    if (width == 1) return body[i] & 0xff;
    return littleEndian ? (body[i] & 0xff) | (body[i + 1] & 0xff) << 8 : (body[i] & 0xff) << 8 | (body[i + 1] & 0xff);
  }

  private static boolean startsWith(byte[] body, int first, int second) {
    return body.length >= 2 && (body[0] & 0xff) == first && (body[1] & 0xff) == second;
  }
}
