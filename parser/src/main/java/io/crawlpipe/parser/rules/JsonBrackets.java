package io.crawlpipe.parser.rules;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Where the brackets of JSON text are, for {@link JsonProblem}'s messages: a bracket inside a
 * string is none. The text is taken to be JSON up to the point asked about (that much parsed); it
 * may be anything after. Stateless; arguments must not be null.
 */
final class JsonBrackets {
  private JsonBrackets() {}

  /** The index of the innermost bracket still open at {@code index} (the text before it parsed), or -1. */
  static int innermostOpen(String text, int index) {
    Deque<Integer> open = new ArrayDeque<>();
    for (int i = 0; i < Math.min(index, text.length()); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        i = stringEnd(text, i);
      } else if (c == '[' || c == '{') {
        open.push(i);
      } else if ((c == ']' || c == '}') && !open.isEmpty()) {
        open.pop();
      }
    }
    return open.isEmpty() ? -1 : open.peek();
  }

  /** The index of the first bracket opened inside {@code max} unclosed ones (the text before it parsed), or -1. */
  static int deeperThan(String text, int max) {
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        i = stringEnd(text, i);
      } else if (c == '[' || c == '{') {
        if (++depth > max) return i;
      } else if ((c == ']' || c == '}') && depth > 0) {
        depth--;
      }
    }
    return -1;
  }

  /** The index of the quote closing the JSON string opened at {@code quote}, or the text's length when none does. */
  private static int stringEnd(String text, int quote) {
    for (int i = quote + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') i++;
      else if (c == '"') return i;
    }
    return text.length();
  }
}
