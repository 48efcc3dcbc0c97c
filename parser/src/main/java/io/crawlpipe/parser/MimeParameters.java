package io.crawlpipe.parser;

import java.util.Locale;

/**
 * The media type ({@link #mediaType}) and the {@code charset} parameter of a Content-Type value,
 * the parameter found as the WHATWG MIME Sniffing
 * Standard's "parse a MIME type" finds parameters: the parameters follow the first {@code ';'} and
 * are separated by {@code ';'} outside quoted strings; a name is what follows the separator and
 * HTTP whitespace, up to {@code '='} (a name with whitespace before its {@code '='} is not {@code
 * charset}); names compare ASCII case-insensitively and the first {@code charset} parameter with a
 * value wins. A quoted value is unquoted and its backslash escapes undone (an unbalanced quote runs
 * to the end); an unquoted one loses its trailing whitespace, and when empty does not count. One
 * leniency past the standard, as Chromium's: an unquoted value in single quotes is unquoted. As
 * in the standard, a value whose media type is not {@code type/subtype} (after leading HTTP
 * whitespace, each part one or more HTTP token code points; the subtype may have trailing
 * whitespace) is no MIME type at all, and has no {@code charset}: {@code ; charset=x}, {@code
 * charset=x}, {@code text; charset=x}. Allocation-light: the value is the only string made.
 * Stateless and thread-safe.
 */
final class MimeParameters {
  private static final String CHARSET = "charset";

  private MimeParameters() {}

  /**
   * The value's valid {@code type/subtype} (see the class comment), in lower case, without the
   * whitespace around it; null when it has none: it is then no MIME type at all.
   */
  static String mediaType(String value) {
    int n = value.length();
    int end = parametersStart(value, n);
    if (end < 0) return null;
    int start = skipWhitespace(value, 0, n);
    while (end > start && isWhitespace(value.charAt(end - 1))) end--;
    return value.substring(start, end).toLowerCase(Locale.ROOT);
  }

  /**
   * The first {@code charset} parameter's value, as the class comment says; null when there is
   * none, or when {@code type} is not a valid MIME type.
   */
  static String charset(String type) {
    int n = type.length();
    int p = parametersStart(type, n);
    while (p >= 0 && p < n) {
      p = skipWhitespace(type, p + 1, n);
      int nameEnd = p;
      while (nameEnd < n && type.charAt(nameEnd) != ';' && type.charAt(nameEnd) != '=') nameEnd++;
      if (nameEnd == n) return null;
      if (type.charAt(nameEnd) == ';') {
        p = nameEnd;
        continue;
      }
      boolean charset = isCharset(type, p, nameEnd);
      int valueStart = nameEnd + 1;
      if (valueStart < n && type.charAt(valueStart) == '"') {
        int close = closingQuote(type, valueStart + 1, n);
        if (charset) return unquoted(type, valueStart + 1, close);
        p = close < n ? type.indexOf(';', close) : n;
        continue;
      }
      int valueEnd = type.indexOf(';', valueStart);
      if (valueEnd < 0) valueEnd = n;
      if (charset) {
        String value = bare(type, valueStart, valueEnd);
        if (value != null) return value;
      }
      p = valueEnd;
    }
    return null;
  }

  /**
   * Where the parameters start after a valid {@code type/subtype}: the index of the first {@code
   * ';'}, or {@code n} when there is none; -1 when the type or the subtype is missing or holds a
   * code point that is no HTTP token code point (the standard's "parse a MIME type" fails then).
   */
  private static int parametersStart(String s, int n) {
    int typeStart = skipWhitespace(s, 0, n);
    int slash = s.indexOf('/', typeStart);
    if (slash < 0 || !isToken(s, typeStart, slash)) return -1;
    int semi = s.indexOf(';', slash + 1);
    int end = semi < 0 ? n : semi;
    int subtypeEnd = end;
    while (subtypeEnd > slash + 1 && isWhitespace(s.charAt(subtypeEnd - 1))) subtypeEnd--;
    return isToken(s, slash + 1, subtypeEnd) ? end : -1;
  }

  /** True when {@code s[from, to)} is not empty and holds only HTTP token code points. */
  private static boolean isToken(String s, int from, int to) {
    if (from >= to) return false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      boolean alnum = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
      if (!alnum && "!#$%&'*+-.^_`|~".indexOf(c) < 0) return false;
    }
    return true;
  }

  /** True when {@code s[from, to)} is {@code charset}, ASCII case ignored and no other (U+017F, a long s, is not an s). */
  private static boolean isCharset(String s, int from, int to) {
    if (to - from != CHARSET.length()) return false;
    for (int i = from; i < to; i++) {
      if ((s.charAt(i) | 0x20) != CHARSET.charAt(i - from)) return false;
    }
    return true;
  }

  /** The index of the quote that closes a quoted string whose text starts at {@code from}, or {@code n}. */
  private static int closingQuote(String s, int from, int n) {
    for (int i = from; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\\') i++;
      else if (c == '"') return i;
    }
    return n;
  }

  /** The text of a quoted string in {@code s[from, to)}, each backslash escape replaced by the character it escapes. */
  private static String unquoted(String s, int from, int to) {
    int backslash = s.indexOf('\\', from);
    if (backslash < 0 || backslash >= to) return s.substring(from, to);
    StringBuilder text = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < to) c = s.charAt(++i);
      text.append(c);  // a backslash at the very end stays, as the standard says
    }
    return text.toString();
  }

  /** An unquoted value in {@code s[from, to)}: its trailing whitespace dropped, single quotes around it too; null when empty. */
  private static String bare(String s, int from, int to) {
    while (to > from && isWhitespace(s.charAt(to - 1))) to--;
    if (to - from >= 2 && s.charAt(from) == '\'' && s.charAt(to - 1) == '\'') {
      from++;
      to--;
    }
    return to > from ? s.substring(from, to) : null;
  }

  private static int skipWhitespace(String s, int p, int n) {
    while (p < n && isWhitespace(s.charAt(p))) p++;
    return p;
  }

  /** HTTP whitespace: tab, line feed, carriage return, space. */
  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }
}
