package io.crawlpipe.parser.rules;

import java.util.regex.Pattern;

/**
 * A position in the rules file for error messages: the file, the rule and the dotted field path
 * ({@code movies.score} is the {@code score} field of the {@code movies} item). Names are quoted
 * as {@link Snippet#quoted} quotes a query, a long one by its start, end and length. Immutable.
 *
 * @param source the file as the user named it
 * @param rule {@code rule "name"} (the name as {@link Snippet#quoted} quotes it) or {@code rule #2},
 *     or null above rule level
 * @param field the dotted field path as written, or null above field level
 */
record Where(String source, String rule, String field) {
  private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");

  static Where file(String source) {
    return new Where(source, null, null);
  }

  Where rule(String name) {
    return new Where(source, "rule " + Snippet.quoted(name), null);
  }

  Where ruleNumber(int oneBased) {
    return new Where(source, "rule #" + oneBased, null);
  }

  Where field(String name) {
    return new Where(source, rule, field == null ? name : field + "." + name);
  }

  /** The rule and field without the file, e.g. {@code rule "board" field "movies"}; a long path shortened. */
  String label() {
    if (rule == null) return "rules";
    return field == null ? rule : rule + " field " + Snippet.quoted(field);
  }

  /** The one-line error for {@code problem} at this position. */
  RulesException error(String problem) {
    return error(problem, null);
  }

  /**
   * One line even when a name in the file holds a line break (they are JSON strings: they may);
   * the file's name is kept as given, surrounding spaces included.
   */
  RulesException error(String problem, Throwable cause) {
    String where = rule == null ? source : source + ": " + label();
    return new RulesException(LINE_BREAKS.matcher(where).replaceAll(" ") + ": " + oneLine(problem), cause);
  }

  /** Messages of regex and JSON errors span lines (a caret under the pattern); keep the first gist. */
  static String oneLine(String message) {
    return message == null ? "" : LINE_BREAKS.matcher(message.strip()).replaceAll(" ");
  }
}
