package io.crawlpipe.parser;

import java.util.Arrays;

/**
 * Tag names packed into a {@code long}, so that a scanner can compare a name it reads with the
 * names it knows without building a String: six bits a character, ASCII letters case-folded
 * (1–26) and digits (27–36), at most {@value #MAX_LENGTH} characters. A name with any other
 * character, or a longer one, packs to {@link #OTHER}, which is no known name. Stateless.
 */
final class TagName {
  static final int MAX_LENGTH = 10;
  /** A name that is none of the names this class packs: empty, too long, or not ASCII alphanumeric. */
  static final long OTHER = -1;
  private static final long EMPTY = 0;
  private static final long FULL = 1L << (6 * (MAX_LENGTH - 1));

  static final long TITLE = of("title");
  static final long TEMPLATE = of("template");
  static final long SCRIPT = of("script");
  static final long PLAINTEXT = of("plaintext");
  static final long SVG = of("svg");
  static final long MATH = of("math");
  static final long P = of("p");
  static final long BR = of("br");
  static final long TABLE = of("table");
  static final long TBODY = of("tbody");
  static final long THEAD = of("thead");
  static final long TFOOT = of("tfoot");
  static final long CAPTION = of("caption");
  static final long TR = of("tr");
  static final long TD = of("td");
  static final long TH = of("th");
  /**
   * Elements whose content is text up to their end tag (RAWTEXT and RCDATA), title aside; noscript
   * as a browser with scripting on reads it.
   */
  private static final long[] RAW_TEXT = sorted("script", "style", "textarea", "xmp", "iframe", "noembed", "noframes",
      "noscript");
  /** HTML start tags that end foreign (SVG, MathML) content, as the HTML standard lists them; also {@code </p>}, {@code </br>}. */
  private static final long[] BREAKS_OUT_OF_FOREIGN = sorted("b", "big", "blockquote", "body", "br", "center",
      "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img",
      "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike",
      "sub", "sup", "table", "tt", "u", "ul", "var");

  /**
   * HTML elements whose end tag never ends SVG or MathML content: the void elements, never open,
   * and html, head and body, whose end tags pop no element (and a head is never open around content).
   */
  private static final long[] NEVER_END_FOREIGN = sorted("area", "base", "basefont", "bgsound", "body", "br", "col",
      "embed", "frame", "head", "hr", "html", "img", "input", "keygen", "link", "meta", "param", "source", "track",
      "wbr");

  private TagName() {}

  /** The packed name before any character is appended. */
  static long empty() {
    return EMPTY;
  }

  /** {@code packed} with the character {@code c} appended, or {@link #OTHER}. */
  static long append(long packed, int c) {
    int code = c >= 'a' && c <= 'z' ? c - 'a' + 1
        : c >= 'A' && c <= 'Z' ? c - 'A' + 1
        : c >= '0' && c <= '9' ? c - '0' + 27 : 0;
    if (packed < 0 || packed >= FULL || code == 0) return OTHER;
    return packed << 6 | code;
  }

  /** True for script, style, textarea, xmp, iframe, noembed, noframes and noscript. */
  static boolean isRawText(long packed) {
    return packed > 0 && Arrays.binarySearch(RAW_TEXT, packed) >= 0;
  }

  /** True for the HTML start tags that end SVG or MathML content (font aside). */
  static boolean breaksOutOfForeign(long packed) {
    return packed > 0 && Arrays.binarySearch(BREAKS_OUT_OF_FOREIGN, packed) >= 0;
  }

  /** True for the elements whose end tag never ends SVG or MathML content: void ones, html, head and body. */
  static boolean neverEndsForeign(long packed) {
    return packed > 0 && Arrays.binarySearch(NEVER_END_FOREIGN, packed) >= 0;
  }

  static long of(String name) {
    long packed = EMPTY;
    for (int i = 0; i < name.length(); i++) packed = append(packed, name.charAt(i));
    return packed;
  }

  private static long[] sorted(String... names) {
    return Arrays.stream(names).mapToLong(TagName::of).sorted().toArray();
  }
}
