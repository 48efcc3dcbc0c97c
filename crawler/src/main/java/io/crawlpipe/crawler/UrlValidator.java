package io.crawlpipe.crawler;

import io.crawlpipe.crawler.polite.HostKey;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Decides whether an input line is a URL crawlpipe can fetch: absolute http(s), with a host and
 * without user info. Stateless and thread-safe.
 */
public final class UrlValidator {
  private UrlValidator() {}

  /**
   * The longest line taken as a URL, in characters; servers refuse far shorter ones (8 KiB is a
   * common limit), and a longer line is most likely not a URL list at all.
   */
  public static final int MAX_URL_CHARS = 65_536;

  /** The message for a URL with user info; it never quotes the user info, which may hold a password. */
  private static final String USER_INFO =
      "user info (user:password@) in a URL is not supported: crawlpipe sends no credentials";
  private static final String NO_SCHEME = "not an absolute URL: no scheme (expected http:// or https://)";

  /** As {@link #problem(String, Charset)} for a line that was UTF-8 (or never bytes: an option's value). */
  public static String problem(String line) {
    return problem(line, StandardCharsets.UTF_8);
  }

  /**
   * Null when {@code line} is fetchable; otherwise why not, as a short phrase for {@code
   * error.message}, in which a character that is not printable shows as an escape ({@link
   * #printable}). {@code encoding} is the list's, which the line was decoded from: the message about
   * U+FFFD says what it stands for in it. Neither may be null.
   */
  public static String problem(String line, Charset encoding) {
    return problem(line, encoding, UrlValidator::printable);
  }

  /**
   * As {@link #problem(String)}, but what it quotes of {@code line} (not null) is left as it is:
   * for a message that is escaped as a whole where it is shown (a {@code crawl:} line), which must
   * not be escaped twice.
   */
  public static String unescapedProblem(String line) {
    return problem(line, StandardCharsets.UTF_8, UnaryOperator.identity());
  }

  /** As {@link #problem(String, Charset)}, each part quoted from the line written through {@code shown}. */
  private static String problem(String line, Charset encoding, UnaryOperator<String> shown) {
    if (line.length() > MAX_URL_CHARS) return "not a URL: longer than " + MAX_URL_CHARS + " characters";
    String problem = characterProblem(line, encoding, shown);
    if (problem == null) problem = schemeProblem(line, shown);
    if (problem == null) problem = authorityProblem(line, line.indexOf("://") + 3);
    if (problem != null) return problem;
    try {
      HostKey.of(line); // the cheap check of a plain URL, else OkHttp's parse
      return null;
    } catch (IllegalArgumentException e) {
      return "not a valid URL: " + shown.apply(String.valueOf(e.getMessage()));
    }
  }

  /** Why the line's characters cannot be a URL's, or null: white space, control and invisible formatting characters, U+FFFD. */
  private static String characterProblem(String line, Charset encoding, UnaryOperator<String> shown) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (isSpace(c) || Character.isISOControl(c)) {
        return "not a valid URL: contains whitespace or control characters";
      }
      if (c < 0x80) continue; // ASCII has neither U+FFFD nor formatting characters
      if (c == '\ufffd') return "not a valid URL: contains U+FFFD, which is what " + undecodable(encoding) + " as";
      int codePoint = line.codePointAt(i);
      if (Character.getType(codePoint) == Character.FORMAT) {
        return "not a valid URL: contains the invisible formatting character "
            + shown.apply(new String(Character.toChars(codePoint)));
      }
    }
    return null;
  }

  /** What reads as U+FFFD in {@code encoding}, as the subject of "reads as". */
  private static String undecodable(Charset encoding) {
    if (encoding.equals(StandardCharsets.UTF_8)) return "a byte that is not UTF-8 reads";
    if (encoding.name().startsWith("UTF-16")) return "an unpaired surrogate or an odd last byte of a UTF-16 list reads";
    return "bytes that are not valid " + encoding.name() + " read";
  }

  /**
   * Why the line does not start with {@code http://} or {@code https://} (in any case), or null. A
   * scheme is the text before the first {@code :}, starting with a letter and holding none of
   * {@code / ? #}; one followed by digits only up to the end, {@code /}, {@code ?} or {@code #}
   * is a host and port ({@code localhost:8080/x}), not a scheme.
   */
  private static String schemeProblem(String line, UnaryOperator<String> shown) {
    int colon = line.indexOf(':');
    if (colon <= 0 || !Character.isLetter(line.codePointAt(0))) return NO_SCHEME;
    String scheme = line.substring(0, colon).toLowerCase(Locale.ROOT);
    boolean http = scheme.equals("http") || scheme.equals("https");
    if (!http && (containsAny(scheme, "/?#") || isPort(line, colon + 1))) return NO_SCHEME;
    if (!http) return "unsupported scheme '" + shown.apply(scheme) + "' (only http and https)";
    if (!line.startsWith("//", colon + 1)) return "not a valid URL: " + scheme + ": must be followed by //";
    return null;
  }

  /**
   * Why the authority starting at {@code start} (after {@code http://}) cannot be fetched, or null:
   * it is empty ({@code http:///path}, which OkHttp would read as the host {@code path}, where curl
   * finds no host), or it has user info ({@code user:password@}), which crawlpipe would not send.
   * The authority ends at the first {@code /}, {@code \}, {@code ?} or {@code #}, as OkHttp reads it.
   */
  private static String authorityProblem(String line, int start) {
    int end = start;
    while (end < line.length() && "/\\?#".indexOf(line.charAt(end)) < 0) end++;
    if (end == start) return "not a valid URL: no host after " + line.substring(0, start).toLowerCase(Locale.ROOT);
    int at = line.indexOf('@', start);
    if (at >= 0 && at < end) return USER_INFO;
    return null;
  }

  /** True when {@code line} from {@code from} on is one or more digits, then its end or one of {@code / ? #}. */
  private static boolean isPort(String line, int from) {
    int i = from;
    while (i < line.length() && line.charAt(i) >= '0' && line.charAt(i) <= '9') i++;
    return i > from && (i == line.length() || "/?#".indexOf(line.charAt(i)) >= 0);
  }

  private static boolean containsAny(String text, String chars) {
    for (int i = 0; i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) return true;
    }
    return false;
  }

  /**
   * {@code text} with each character that is not printable — control, formatting (such as
   * U+200B, the zero-width space), private-use, unassigned, a lone surrogate, a space other than
   * U+0020 — written as a Java escape (a backslash, {@code u} and four lower-case hex digits per
   * UTF-16 unit: U+200B as backslash-u200b), so that a message shows what the line held. So that
   * each escape reads one way, a backslash followed by {@code u} is escaped too, as backslash-u005c:
   * the six characters backslash-u000a come out as backslash-u005cu000a, not as a newline does.
   * Every other backslash is kept as it is ({@code \d+} stays {@code \d+}).
   * Not idempotent, so text is escaped once, where it is shown. {@code text} must not be null.
   */
  public static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\\' && i < text.length() && text.charAt(i) == 'u') escape(out, c);
      else appendPrintable(out, c);
    }
    return out.toString();
  }

  /** Appends the code point {@code c} to {@code out}: as it is when printable, else as {@link #printable} escapes it. */
  static void appendPrintable(StringBuilder out, int c) {
    if (isPrintable(c)) out.appendCodePoint(c);
    else escape(out, c);
  }

  private static void escape(StringBuilder out, int c) {
    for (char unit : Character.toChars(c)) out.append(String.format(Locale.ROOT, "\\u%04x", (int) unit));
  }

  private static boolean isPrintable(int c) {
    return switch (Character.getType(c)) {
      case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE, Character.UNASSIGNED,
          Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
      case Character.SPACE_SEPARATOR -> c == ' ';
      default -> true;
    };
  }

  /**
   * A space of any kind: the JDK's whitespace and, unlike {@link Character#isWhitespace}, the
   * no-break spaces (U+00A0, U+2007, U+202F) a list copied from a web page has.
   */
  static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }
}
