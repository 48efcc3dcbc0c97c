package io.crawlpipe.parser.rules;

import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The load-time refusal of pseudo-elements ({@code ::name}) in a CSS query. Scrapy's {@code
 * ::text} and {@code ::attr(href)} are the common case: jsoup reads {@code h1::text} as a selector
 * that matches no element (the field is always null) and {@code ::attr(href)} fails with a message
 * about node types. Both have a rules-file equivalent, which the refusal names (after a {@code
 * script} or {@code style}, {@code whole_text} too: its content as written). A {@code ::} inside
 * quotes, brackets or parentheses ({@code a[href*='::']}, {@code :contains(::)}) is text, not a
 * pseudo-element. Stateless.
 */
final class CssPseudoElementCheck {
  private static final String TEXT_HINT = "leave it out (the value is the text by default) or use \"value\": \"own_text\"";
  private static final String SCRIPT_HINT = "; \"value\": \"whole_text\" for a script's or style's content as written (JSON-LD)";
  /** A compound selector that names a script or style element: {@code script[type=application/ld+json]}. */
  private static final Pattern SCRIPT = Pattern.compile("(?i)(?:script|style)(?![\\w-]).*");

  private CssPseudoElementCheck() {}

  /**
   * @throws IllegalArgumentException naming the first pseudo-element and its rules-file equivalent
   */
  static void check(String query) {
    int at = firstPseudoElement(query);
    if (at < 0) return;
    int end = at + 2;
    while (end < query.length() && (Character.isLetterOrDigit(query.charAt(end)) || query.charAt(end) == '-')) end++;
    String name = query.substring(at + 2, end);
    String argument = null;
    if (end < query.length() && query.charAt(end) == '(') {
      int close = query.indexOf(')', end);
      argument = close < 0 ? "" : query.substring(end + 1, close).strip();
      end = close < 0 ? query.length() : close + 1;
    }
    String written = query.substring(at, end);
    throw new IllegalArgumentException(switch (name) {
      case "text" -> written + " is Scrapy's, not CSS: " + TEXT_HINT
          + (SCRIPT.matcher(lastCompound(query.substring(0, at))).matches() ? SCRIPT_HINT : "");
      case "attr" -> written + " is Scrapy's, not CSS: use \"value\": \"attr:"
          + (argument == null || argument.isEmpty() ? "NAME" : argument) + "\"";
      default -> written + ": pseudo-elements select no element (Scrapy's ::text: " + TEXT_HINT
          + "; ::attr(x): use \"value\": \"attr:x\")";
    });
  }

  /** What follows the last combinator or comma of {@code query}: its last compound selector. */
  private static String lastCompound(String query) {
    int last = topLevel(query).filter(i -> " \t\n\r\f>+~,".indexOf(query.charAt(i)) >= 0).max().orElse(-1);
    return query.substring(last + 1);
  }

  /** The index of the first {@code ::} outside quotes, brackets and parentheses, or -1. */
  private static int firstPseudoElement(String query) {
    return topLevel(query).filter(i -> query.startsWith("::", i)).findFirst().orElse(-1);
  }

  /**
   * The indices of {@code query}'s characters outside quotes, brackets and parentheses, in order;
   * an escaped character ({@code \:}) and the brackets themselves are not among them.
   */
  private static IntStream topLevel(String query) {
    IntStream.Builder indices = IntStream.builder();
    char quote = 0;
    int depth = 0;
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (c == '\\') {
        i++;
      } else if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '[' || c == '(') {
        depth++;
      } else if (c == ']' || c == ')') {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0) {
        indices.add(i);
      }
    }
    return indices.build();
  }
}
