package io.crawlpipe.parser.rules;

/**
 * The load-time refusal of pseudo-elements ({@code ::name}) in a CSS query. Scrapy's {@code
 * ::text} and {@code ::attr(href)} are the common case: jsoup reads {@code h1::text} as a selector
 * that matches no element (the field is always null) and {@code ::attr(href)} fails with a message
 * about node types. Both have a rules-file equivalent, which the refusal names. A {@code ::} inside
 * quotes, brackets or parentheses ({@code a[href*='::']}, {@code :contains(::)}) is text, not a
 * pseudo-element. Stateless.
 */
final class CssPseudoElementCheck {
  private static final String TEXT_HINT = "leave it out (the value is the text by default) or use \"value\": \"own_text\"";

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
      case "text" -> written + " is Scrapy's, not CSS: " + TEXT_HINT;
      case "attr" -> written + " is Scrapy's, not CSS: use \"value\": \"attr:"
          + (argument == null || argument.isEmpty() ? "NAME" : argument) + "\"";
      default -> written + ": pseudo-elements select no element (Scrapy's ::text: " + TEXT_HINT
          + "; ::attr(x): use \"value\": \"attr:x\")";
    });
  }

  /** The index of the first {@code ::} outside quotes, brackets and parentheses, or -1. */
  private static int firstPseudoElement(String query) {
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
      } else if (depth == 0 && c == ':' && query.startsWith("::", i)) {
        return i;
      }
    }
    return -1;
  }
}
