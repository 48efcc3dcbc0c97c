package io.crawlpipe.crawler.fetch;

import java.util.List;

/**
 * What a {@code Content-Encoding} value asks of a reader, the same for both clients. The value is
 * read as a comma list (repeated header lines joined with commas), {@code identity} and empty
 * elements dropped. What is left is: nothing ({@link Coding#NONE}); one {@code gzip}, or {@code
 * x-gzip}, which RFC 9110 asks recipients to read as gzip (old Apache set-ups send it), decoded
 * ({@link Coding#GZIP}); a list that names gzip more than once or beside another coding, or any
 * other coding registered with IANA ({@code br}, {@code deflate}, {@code zstd}, {@code compress},
 * ...), which crawlpipe does not decode and did not ask for ({@link Coding#NOT_DECODED}): such a
 * body is not read; or only tokens that name no coding ({@code x-foo}, the common misconfiguration
 * {@code UTF-8}), read as sent, as browsers do ({@link Coding#UNKNOWN}).
 *
 * <p>Reading a value allocates nothing. Stateless and thread-safe.
 */
public final class ContentCodings {
  /** The codings of the IANA HTTP Content Coding Registry but {@code identity}, {@code gzip} and {@code x-gzip}. */
  private static final List<String> NOT_DECODED = List.of(
      "br", "compress", "x-compress", "deflate", "zstd", "dcb", "dcz", "aes128gcm", "exi", "pack200-gzip");

  /** What a {@code Content-Encoding} value asks of a reader. */
  enum Coding { NONE, GZIP, NOT_DECODED, UNKNOWN }

  private ContentCodings() {}

  /** What {@code contentEncoding} (null: no such header) asks of a reader; see the class comment. */
  static Coding of(String contentEncoding) {
    if (contentEncoding == null) return Coding.NONE;
    int codings = 0;
    int gzips = 0;
    boolean registered = false;
    for (int start = 0; start <= contentEncoding.length(); ) {
      int comma = contentEncoding.indexOf(',', start);
      int end = comma < 0 ? contentEncoding.length() : comma;
      int from = start;
      while (from < end && Character.isWhitespace(contentEncoding.charAt(from))) from++;
      while (end > from && Character.isWhitespace(contentEncoding.charAt(end - 1))) end--;
      if (end > from && !is(contentEncoding, from, end, "identity")) {
        codings++;
        if (is(contentEncoding, from, end, "gzip") || is(contentEncoding, from, end, "x-gzip")) gzips++;
        else registered |= isRegistered(contentEncoding, from, end);
      }
      start = comma < 0 ? contentEncoding.length() + 1 : comma + 1;
    }
    if (codings == 0) return Coding.NONE;
    if (codings == 1 && gzips == 1) return Coding.GZIP;
    return registered || gzips > 0 ? Coding.NOT_DECODED : Coding.UNKNOWN;
  }

  /** True when {@code contentEncoding} (null: none) is gzip once, which both clients decode. */
  static boolean isGzip(String contentEncoding) {
    return of(contentEncoding) == Coding.GZIP;
  }

  /**
   * Why a response whose {@code Content-Encoding} is {@code contentEncoding} (null: none) is not
   * read: a coding crawlpipe does not decode, named in one line; null when it is read (no coding,
   * gzip once, or only tokens that name no coding).
   */
  public static String notDecoded(String contentEncoding) {
    if (of(contentEncoding) != Coding.NOT_DECODED) return null;
    return "Content-Encoding '" + ResponseHead.printable(contentEncoding.strip())
        + "' is not decoded (crawlpipe asks for gzip only); body not read";
  }

  /**
   * A short value that {@link #of} reads as it reads {@code contentEncoding}: its gzip tokens (two
   * at most), its first coding this class knows and does not decode, and one token naming no coding
   * ({@code x-unknown} for it when it is long). For a value too long for a result to keep ({@link
   * FetchResult#MAX_HEADER_CHARS}): the parse step must still see why its body was not read.
   */
  static String essential(String contentEncoding) {
    StringBuilder kept = new StringBuilder();
    int gzips = 0;
    boolean registered = false;
    boolean unknown = false;
    for (String element : contentEncoding.split(",")) {
      String token = element.strip();
      if (token.isEmpty() || token.equalsIgnoreCase("identity")) continue;
      boolean gzip = token.equalsIgnoreCase("gzip") || token.equalsIgnoreCase("x-gzip");
      boolean known = !gzip && isRegistered(token, 0, token.length());
      if (gzip ? gzips++ < 2 : known ? !registered : !unknown) {
        registered |= known;
        unknown |= !gzip && !known;
        kept.append(kept.isEmpty() ? "" : ", ").append(!gzip && !known && token.length() > 32 ? "x-unknown" : token);
      }
    }
    return kept.toString();
  }

  private static boolean is(String value, int from, int end, String coding) {
    return end - from == coding.length() && value.regionMatches(true, from, coding, 0, coding.length());
  }

  private static boolean isRegistered(String value, int from, int end) {
    for (int i = 0; i < NOT_DECODED.size(); i++) {
      if (is(value, from, end, NOT_DECODED.get(i))) return true;
    }
    return false;
  }
}
