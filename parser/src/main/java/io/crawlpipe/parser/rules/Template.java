package io.crawlpipe.parser.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;

/**
 * A value built from one regex match: literal text with group references {@code ${1}} (by
 * position; {@code ${0}} is the whole match) or {@code ${name}} (named group); {@code $$} is a
 * literal dollar sign. A group that did not take part in the match contributes "" (as Python's
 * {@code findall} does). Immutable.
 *
 * @param parts literal Strings and group references, in order
 */
record Template(List<Object> parts) {

  /** A reference to a group, by its number; {@code name} is the name it was referred to by, or null. */
  record Group(int number, String name) {
    @Override
    public String toString() {
      return "${" + (name != null ? name : Integer.toString(number)) + "}";
    }
  }

  Template {
    parts = List.copyOf(parts);
  }

  /**
   * Parses {@code template} and checks every reference against a pattern's groups.
   *
   * @param groupCount the pattern's number of groups
   * @param named its named groups, by the names the rules file gives them, with their numbers
   * @throws IllegalArgumentException with a one-line message saying what is wrong
   */
  static Template parse(String template, int groupCount, Map<String, Integer> named) {
    List<Object> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c != '$' || i + 1 == template.length() || "{$".indexOf(template.charAt(i + 1)) < 0) {
        literal.append(c);
        i++;
      } else if (template.charAt(i + 1) == '$') {
        literal.append('$');
        i += 2;
      } else {
        int close = template.indexOf('}', i + 2);
        if (close < 0) throw new IllegalArgumentException("unclosed \"${\" in template " + Snippet.quoted(template));
        if (!literal.isEmpty()) parts.add(literal.toString());
        literal.setLength(0);
        parts.add(group(template.substring(i + 2, close), groupCount, named));
        i = close + 1;
      }
    }
    if (!literal.isEmpty()) parts.add(literal.toString());
    return new Template(parts);
  }

  private static Group group(String ref, int count, Map<String, Integer> named) {
    if (ref.isEmpty()) throw new IllegalArgumentException("empty group reference ${}");
    if (ref.chars().allMatch(Character::isDigit)) {
      int number = ref.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(ref);
      if (number > count) {
        String groups = count == 1 ? "1 group" : count + " groups";
        throw new IllegalArgumentException("group ${" + Snippet.of(ref) + "} does not exist (pattern has " + groups + ")");
      }
      return new Group(number, null);
    }
    if (!named.containsKey(ref)) {
      String names = named.isEmpty() ? "no named groups"
          : "named groups " + String.join(", ", named.keySet().stream().sorted().toList());
      throw new IllegalArgumentException("group ${" + Snippet.of(ref) + "} does not exist (pattern has " + names + ")");
    }
    return new Group(named.get(ref), ref);
  }

  /** The template's text for this match. */
  String render(MatchResult match) {
    StringBuilder out = new StringBuilder();
    for (Object part : parts) {
      if (part instanceof Group g) {
        String value = match.group(g.number());
        if (value != null) out.append(value);
      } else {
        out.append((String) part);
      }
    }
    return out.toString();
  }
}
