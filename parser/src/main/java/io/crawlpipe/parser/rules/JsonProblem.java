package io.crawlpipe.parser.rules;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * What is wrong with a rules file that is not JSON, in the user's terms rather than Jackson's:
 * {@code at line L, column C: problem}. Lines and columns count characters (Jackson counts the bytes
 * of a UTF-8 file, so a column after {@code 主演} would be off, and a BOM would shift line 1);
 * where Jackson says where a bracket was opened it writes {@code [Source: REDACTED ...; byte
 * offset: #UNKNOWN]}, which this replaces by the bracket's line and column; a nesting too deep, of
 * which Jackson says nowhere, is placed at the bracket one too deep. Comments, YAML, trailing
 * commas and single backslashes are named as such. Stateless.
 */
final class JsonProblem {
  /** The first line of a YAML document: {@code ---}, a list item, or a plain {@code key:}. */
  private static final Pattern YAML_START = Pattern.compile("---.*|-(\\s.*)?|[A-Za-z_][\\w .-]*:(\\s.*)?");
  private static final Pattern MISMATCH =
      Pattern.compile("Unexpected close marker '(.)': expected '(.)' \\(for (Array|Object) starting at .*", Pattern.DOTALL);
  private static final Pattern UNCLOSED =
      Pattern.compile("Unexpected end-of-input: expected close marker for (Array|Object) .*", Pattern.DOTALL);
  private static final Pattern ESCAPE = Pattern.compile("Unrecognized character escape '(.+)' \\(code \\d+\\).*", Pattern.DOTALL);
  private static final Pattern CONTROL = Pattern.compile("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*",
      Pattern.DOTALL);
  private static final Pattern BETWEEN = Pattern.compile(
      "Illegal character \\(\\(CTRL-CHAR, code (\\d+)\\)\\): only regular white space.*", Pattern.DOTALL);
  private static final Pattern TRAILING = Pattern.compile("Trailing token .* found after value.*", Pattern.DOTALL);
  /** Any other message naming a control character: {@code Unexpected character ((CTRL-CHAR, code 127)): ...}. */
  private static final Pattern ANY_CONTROL = Pattern.compile(".*\\(\\(CTRL-CHAR, code (\\d+)\\)\\).*", Pattern.DOTALL);
  private static final Pattern DEPTH = Pattern.compile("Document nesting depth \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*",
      Pattern.DOTALL);
  /** What {@link #plain} says of a second value after the first. */
  private static final String MORE = "more after the first JSON value";
  private static final String ONE_OBJECT = " (a rules file is one object)";
  /** Jackson's {@code ('x' (code 120))} and {@code ('x' (code 65279 / 0xfeff))}. */
  private static final Pattern CODE = Pattern.compile("\\(('.+?') \\(code \\d+(?: / 0x\\p{XDigit}+)?\\)\\)");
  /** Jackson's advice to enable one of its features, and where it appends a redacted source. */
  private static final Pattern NOISE =
      Pattern.compile(": enable `[^`]*` to allow|\\s*\\((?:for \\w+ starting|start marker) at \\[Source:.*|\\s*\\[Source:.*");

  private JsonProblem() {}

  /**
   * The message after {@code invalid JSON} for Jackson's error reading {@code text}.
   *
   * @param index where Jackson stopped, in characters of {@code text}; -1 when unknown (then the
   *     position is Jackson's)
   */
  static String of(JacksonException e, String text, int index) {
    String jackson = String.valueOf(e.getOriginalMessage());
    String comments = "rules files are JSON: comments are not allowed";
    if (jackson.contains("'ALLOW_COMMENTS'")) return at(e, text, index) + comments;
    if (looksLikeYaml(text)) return at(e, text, index) + "the file is not JSON (rules files are JSON, not YAML)";
    if (jackson.startsWith("Unexpected character ('#'")) return at(e, text, index) + comments;
    int comma = trailingComma(text, index);
    if (comma >= 0) return at(text, comma) + "a trailing comma before '" + text.charAt(index) + "' (JSON allows none)";
    Matcher escape = ESCAPE.matcher(jackson);
    if (escape.matches()) {
      int backslash = index > 0 && text.charAt(index - 1) == '\\' ? index - 1 : index;
      String c = escape.group(1);
      return at(e, text, backslash) + "\\" + c + " is not a JSON escape: in JSON a backslash is written twice (\"\\\\"
          + c + "\" for the regex \\" + c + ")";
    }
    Matcher depth = DEPTH.matcher(jackson);
    if (depth.matches()) {
      // Jackson says no where: the bracket that went one too deep is found in the text
      int bracket = JsonBrackets.deeperThan(text, Integer.parseInt(depth.group(2)));
      return (bracket < 0 ? at(e, text, index) : at(text, bracket)) + plain(jackson);
    }
    return at(e, text, index) + problem(jackson, text, index);
  }

  /** Jackson's message without its codes, feature advice and redacted source: for a page's JSON, not a rules file's. */
  static String plain(String jackson) {
    String message = String.valueOf(jackson);
    if (TRAILING.matcher(message).matches()) return MORE;
    if (message.contains("'ALLOW_COMMENTS'")) return "a comment: JSON has none";
    if (message.contains("hexadecimal number literals")) return "a hexadecimal number: JSON numbers are decimal";
    Matcher escape = ESCAPE.matcher(message);
    if (escape.matches()) return "\\" + escape.group(1) + " is not a JSON escape (a backslash is written \\\\)";
    Matcher control = CONTROL.matcher(message);
    if (control.matches()) return controlCharacter(Integer.parseInt(control.group(1)));
    Matcher between = BETWEEN.matcher(message);
    if (between.matches()) {
      return String.format(Locale.ROOT, "control character U+%04X between values: only spaces, tabs and line breaks"
          + " may be there", Integer.parseInt(between.group(1)));
    }
    Matcher other = ANY_CONTROL.matcher(message);
    if (other.matches()) return String.format(Locale.ROOT, "control character U+%04X where a value was expected",
        Integer.parseInt(other.group(1)));
    Matcher depth = DEPTH.matcher(message);
    if (depth.matches()) return "nested more than " + depth.group(2) + " arrays and objects deep";
    return NOISE.matcher(CODE.matcher(message).replaceAll("$1")).replaceAll("").replace("`", "").strip();
  }

  private static String problem(String jackson, String text, int index) {
    Matcher mismatch = MISMATCH.matcher(jackson);
    if (mismatch.matches()) {
      return "expected '" + mismatch.group(2) + "' to close the " + opened(mismatch.group(3), text, index)
          + ", found '" + mismatch.group(1) + "'";
    }
    Matcher unclosed = UNCLOSED.matcher(jackson);
    if (unclosed.matches()) return "the file ends before the " + opened(unclosed.group(1), text, index) + " is closed";
    String clean = plain(jackson)
        .replace("end-of-input in VALUE_STRING", "end-of-input: was expecting closing quote for a string value");
    return clean.startsWith("Unexpected character '''") ? "a single quote: JSON strings are in double quotes" : clean;
  }

  /**
   * The message after {@code invalid JSON} for text after the root value, which ends at {@code end}
   * (in characters of {@code text}; -1 when unknown): where that text starts.
   */
  static String moreAfter(String text, int end) {
    if (end < 0) return ": " + MORE + ONE_OBJECT;
    int start = end;
    while (start < text.length() && " \t\r\n".indexOf(text.charAt(start)) >= 0) start++;
    return at(text, start) + MORE + ONE_OBJECT;
  }

  /** Whether Jackson failed at a comment ({@code //}, {@code /*} or {@code #}), which {@link #of} names as such. */
  static boolean isComment(JacksonException e) {
    String jackson = String.valueOf(e.getOriginalMessage());
    return jackson.contains("'ALLOW_COMMENTS'") || jackson.startsWith("Unexpected character ('#'");
  }

  /** {@code array opened at line 2, column 12}, or {@code array} when the bracket is not found. */
  private static String opened(String kind, String text, int index) {
    String name = kind.toLowerCase(Locale.ROOT);
    int open = JsonBrackets.innermostOpen(text, index);
    return open < 0 ? name : name + " opened at " + lineColumn(text, open);
  }

  private static String controlCharacter(int code) {
    return switch (code) {
      case '\n', '\r' -> "a line break inside a string: JSON writes it as " + (code == '\n' ? "\\n" : "\\r")
          + " (or is a closing quote missing?)";
      case '\t' -> "a tab inside a string: JSON writes it as \\t";
      default -> String.format(Locale.ROOT, "control character U+%04X inside a string: JSON writes it escaped, as a backslash then u%04x",
          code, code);
    };
  }

  /** The index of the comma before the {@code ]} or {@code }} at {@code index}, with only white space between; else -1. */
  static int trailingComma(String text, int index) {
    if (index < 0 || index >= text.length() || "]}".indexOf(text.charAt(index)) < 0) return -1;
    int i = index - 1;
    while (i >= 0 && " \t\r\n".indexOf(text.charAt(i)) >= 0) i--;
    return i >= 0 && text.charAt(i) == ',' ? i : -1;
  }

  /** {@code " at line L, column C: "} for {@code index}, else Jackson's position, else {@code ": "}. */
  private static String at(JacksonException e, String text, int index) {
    if (index >= 0) return at(text, index);
    TokenStreamLocation location = e.getLocation();
    return location == null || location.getLineNr() < 0 ? ": "
        : " at line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
  }

  private static String at(String text, int index) {
    return " at " + lineColumn(text, index) + ": ";
  }

  /** {@code line L, column C}, counting characters; a line break is \n, \r\n or \r; a BOM takes no column. */
  static String lineColumn(String text, int index) {
    int end = Math.min(index, text.length());
    int line = 1;
    int lineStart = text.startsWith("\uFEFF") ? 1 : 0;
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
        line++;
        lineStart = i + 1;
      }
    }
    return "line " + line + ", column " + (text.codePointCount(Math.min(lineStart, end), end) + 1);
  }

  /** Whether the first line that is neither blank nor a {@code #} comment starts a YAML document. */
  static boolean looksLikeYaml(String text) {
    for (String line : text.lines().toList()) {
      String content = line.replace("\uFEFF", "").strip();
      if (content.isEmpty() || content.startsWith("#")) continue;
      return YAML_START.matcher(content).matches();
    }
    return false;
  }
}
