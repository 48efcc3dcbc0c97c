package io.crawlpipe.parser;

import java.util.Locale;

/** Small, allocation-light helpers for Content-Type header values. Stateless and thread-safe. */
public final class ContentTypes {
  private ContentTypes() {}

  /** The media type without parameters, lower case, or null when the header is absent or blank. */
  public static String mediaType(String contentType) {
    if (contentType == null) return null;
    int semi = contentType.indexOf(';');
    String type = (semi < 0 ? contentType : contentType.substring(0, semi)).strip();
    return type.isEmpty() ? null : type.toLowerCase(Locale.ROOT);
  }

  /**
   * The {@code charset} parameter's value, unquoted, or null when there is none or it is empty:
   * parameters are parsed as the WHATWG "parse a MIME type" parses them, so that only a parameter
   * named {@code charset} counts, the first one wins, and a {@code ;} in a quoted value does not end
   * it (see {@link MimeParameters}).
   */
  public static String charsetParameter(String contentType) {
    if (contentType == null) return null;
    String value = MimeParameters.charset(contentType);
    return value == null || value.isEmpty() ? null : value;
  }

  /** HTML when the media type says so, or when there is no media type and the body starts with '<'. */
  public static boolean isHtml(String contentType, byte[] body) {
    String type = mediaType(contentType);
    if (type == null) return startsWithMarkup(body);
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
   * True when the first character in the first 1 KiB that is not whitespace (or part of a UTF-8
   * BOM) is {@code '<'}; after a UTF-16 BOM, characters are 16-bit units of that byte order.
   */
  private static boolean startsWithMarkup(byte[] body) {
    int limit = Math.min(body.length, 1024);
    boolean littleEndian = startsWith(body, 0xFF, 0xFE);
    if (littleEndian || startsWith(body, 0xFE, 0xFF)) {
      for (int i = 2; i + 1 < limit; i += 2) {
        int c = littleEndian ? (body[i] & 0xff) | (body[i + 1] & 0xff) << 8 : (body[i] & 0xff) << 8 | (body[i + 1] & 0xff);
        if (c == '<') return true;
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
      }
      return false;
    }
    for (int i = 0; i < limit; i++) {
      byte b = body[i];
      if (b == '<') return true;
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && (b & 0xff) != 0xEF
          && (b & 0xff) != 0xBB && (b & 0xff) != 0xBF) {
        return false;
      }
    }
    return false;
  }

  private static boolean startsWith(byte[] body, int first, int second) {
    return body.length >= 2 && (body[0] & 0xff) == first && (body[1] & 0xff) == second;
  }
}
