package io.crawlpipe.parser.rules;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A regex of a rules file in Java's syntax, as {@link Pattern} compiles it. Python's named groups
 * are translated ({@code (?P<name>...)} to {@code (?<name>...)}, {@code (?P=name)} to {@code
 * \k<name>}), so that patterns can be copied from Python code; and since Java allows only ASCII
 * letters and digits in a group name, a name that Python allows and Java does not ({@code
 * the_price}, {@code prix_été}) is renamed to an internal one, in Python's and in Java's syntax
 * alike. Python's ASCII flag, inline ({@code (?a)}, {@code (?ai)}, {@code (?a:...)}), becomes
 * Java's Unicode classes and case folding turned off ({@code (?-Uu)}, {@code (?i-Uu)}, {@code
 * (?-Uu:...)}), for a pattern compiled with {@link Pattern#UNICODE_CHARACTER_CLASS} as Python 3
 * matches a str pattern. {@link #userIndex} and {@link #userText} turn Java's errors, which speak
 * of the translation, back into the user's pattern. Immutable.
 *
 * @param java the pattern for {@link Pattern#compile}
 * @param renamed each renamed group's internal name → its name in the user's pattern
 * @param sourceIndex for each index of {@code java} (and its length), the index in the user's pattern
 */
record PythonRegex(String java, Map<String, String> renamed, int[] sourceIndex) {
  private static final Pattern JAVA_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9]*");
  /** A Python identifier, which Python allows as a group name (ASCII only in a bytes pattern). */
  private static final Pattern PYTHON_NAME = Pattern.compile("[_\\p{L}\\p{Nl}][_\\p{L}\\p{Nl}\\p{Mn}\\p{Mc}\\p{Nd}\\p{Pc}]*");
  private static final Pattern ANY_NAME = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]*)>");
  private static final String INTERNAL = "crawlpipeGroup";
  private static final Pattern INTERNAL_NAME = Pattern.compile(INTERNAL + "\\d+");
  /** An inline flag group, {@code (?flags)} or the start of {@code (?flags:...)}, either with {@code -flags}. */
  private static final Pattern FLAGS = Pattern.compile("\\(\\?([a-zA-Z]*)(?:-([a-zA-Z]*))?[:)]");

  PythonRegex {
    renamed = Map.copyOf(renamed);
    sourceIndex = sourceIndex.clone();
  }

  @Override
  public int[] sourceIndex() {
    return sourceIndex.clone();
  }

  /**
   * Translates {@code regex}; what is not a group name, a reference to one or {@code \Q...\E} is copied as it is.
   *
   * @throws PatternSyntaxException with an index in {@code regex} when a numbered backreference
   *     ({@code \2}) comes before as many groups are opened
   */
  static PythonRegex translate(String regex) {
    return new Translation(regex).run();
  }

  /** The index in the user's pattern for an index in {@link #java}; -1 stays -1. */
  int userIndex(int javaIndex) {
    return javaIndex < 0 ? javaIndex : sourceIndex[Math.min(javaIndex, sourceIndex.length - 1)];
  }

  /** {@code message} with internal group names replaced by the user's. */
  String userText(String message) {
    return INTERNAL_NAME.matcher(message)
        .replaceAll(name -> Matcher.quoteReplacement(renamed.getOrDefault(name.group(), name.group())));
  }

  /** The named groups by the user's names, with their numbers. */
  Map<String, Integer> namedGroups(Pattern compiled) {
    Map<String, Integer> named = new LinkedHashMap<>();
    compiled.namedGroups().forEach((name, number) -> named.put(renamed.getOrDefault(name, name), number));
    return named;
  }

  /** One pass over the user's pattern. Not thread-safe; used once. */
  private static final class Translation {
    private final String regex;
    private final StringBuilder out = new StringBuilder();
    private int[] source;
    private final Set<String> taken = new HashSet<>();
    private final Map<String, String> internal = new LinkedHashMap<>();
    private int i;
    /** The capturing groups opened before {@code i}. */
    private int groups;
    /** Whether the pattern turns comments mode on somewhere, where a {@code #} comment may hold anything. */
    private final boolean comments;

    Translation(String regex) {
      this.regex = regex;
      this.source = new int[regex.length() + 16];
      for (Matcher name = ANY_NAME.matcher(regex); name.find(); ) taken.add(name.group(1));
      boolean x = false;
      for (Matcher flags = FLAGS.matcher(regex); flags.find(); ) x |= flags.group(1).indexOf('x') >= 0;
      this.comments = x;
    }

    /**
     * Refuses the backreference {@code \N} at {@code i} when fewer than N groups are opened before it,
     * as Python does: Java reads it as a reference to group N (and the digits after it as literal
     * ones, as long as they would name a group not yet opened: {@code \10} after one group is group
     * 1 then {@code 0}), which compiles but never matches.
     *
     * @throws PatternSyntaxException naming the reference, at its index in the user's pattern
     */
    private void checkReference() {
      char digit = i + 1 < regex.length() ? regex.charAt(i + 1) : '0';
      if (digit < '1' || digit > '9' || digit - '0' <= groups || comments) return;
      String before = groups == 0 ? "no group" : groups == 1 ? "1 group" : groups + " groups";
      throw new PatternSyntaxException("group \\" + digit + " does not exist (the pattern has " + before + " before it)",
          regex, i);
    }

    PythonRegex run() {
      while (i < regex.length()) {
        if (regex.startsWith("\\Q", i)) {
          int end = regex.indexOf("\\E", i + 2);
          copy(end < 0 ? regex.length() - i : end + 2 - i);
        } else if (regex.startsWith("\\k<", i)) {
          name(3, "\\k<", '>');
        } else if (regex.charAt(i) == '\\') {
          checkReference();
          copy(Math.min(2, regex.length() - i));
        } else if (regex.charAt(i) == '[') {
          copy(classLength());
        } else if (regex.startsWith("(?", i) && asciiFlags() != null) {
          asciiFlags(asciiFlags());
        } else if (regex.startsWith("(?P<", i)) {
          groups++;
          name(4, "(?<", '>');
        } else if (regex.startsWith("(?<", i) && i + 3 < regex.length() && "=!".indexOf(regex.charAt(i + 3)) < 0) {
          groups++;
          name(3, "(?<", '>');
        } else if (regex.startsWith("(?P=", i) && regex.indexOf(')', i) > 0) {
          name(4, "\\k<", ')');
        } else {
          if (regex.charAt(i) == '(' && !regex.startsWith("(?", i)) groups++;
          copy(1);
        }
      }
      int[] sourceIndex = Arrays.copyOf(source, out.length() + 1);
      sourceIndex[out.length()] = regex.length();
      Map<String, String> renamed = new LinkedHashMap<>();
      internal.forEach((user, java) -> renamed.put(java, user));
      return new PythonRegex(out.toString(), renamed, sourceIndex);
    }

    /**
     * The length of the character class at {@code i}, copied as it is: {@code (?<a_b>)} in
     * {@code [(?<a_b>)]} is six characters of the class, no group. A {@code ]} first (after any
     * {@code ^}) is one of its characters; escapes, {@code \Q...\E} and Java's nested classes
     * ({@code [a-z&&[^x]]}) are followed; an unclosed class runs to the end, for Java to refuse.
     */
    private int classLength() {
      int j = i + 1;
      if (j < regex.length() && regex.charAt(j) == '^') j++;
      if (j < regex.length() && regex.charAt(j) == ']') j++;
      for (int depth = 1; j < regex.length(); j++) {
        char c = regex.charAt(j);
        if (regex.startsWith("\\Q", j)) {
          int end = regex.indexOf("\\E", j + 2);
          if (end < 0) break;
          j = end + 1;
        } else if (c == '\\') {
          j++;
        } else if (c == '[') {
          depth++;
        } else if (c == ']' && --depth == 0) {
          return j + 1 - i;
        }
      }
      return regex.length() - i;
    }

    /** The inline flag group at {@code i} when it turns Python's ASCII flag {@code a} on, else null. */
    private Matcher asciiFlags() {
      Matcher flags = FLAGS.matcher(regex).region(i, regex.length());
      return flags.lookingAt() && flags.group(1).indexOf('a') >= 0 ? flags : null;
    }

    /** Writes the group {@code flags} as one that turns Java's {@code U} and {@code u} off instead of {@code a} on. */
    private void asciiFlags(Matcher flags) {
      String on = flags.group(1).replace("a", "");
      String off = (flags.group(2) == null ? "" : flags.group(2)) + "Uu";
      String java = "(?" + on + "-" + off + regex.charAt(flags.end() - 1);
      for (int k = 0; k < java.length(); k++) append(java.charAt(k), Math.min(i + k, flags.end() - 1));
      i = flags.end();
    }

    /** A group name after a prefix of {@code skip} characters, written as {@code prefix name>} (the prefix alone when unclosed). */
    private void name(int skip, String prefix, char close) {
      int start = i + skip;
      int end = regex.indexOf(close, start);
      for (int k = 0; k < prefix.length(); k++) {
        append(prefix.charAt(k), i + (k == prefix.length() - 1 ? skip - 1 : k));
      }
      i = start;
      if (end < 0) return;
      String name = regex.substring(start, end);
      String java = javaName(name);
      for (int k = 0; k < java.length(); k++) append(java.charAt(k), java.equals(name) ? start + k : start);
      append('>', end);
      i = end + 1;
    }

    private String javaName(String name) {
      if (JAVA_NAME.matcher(name).matches() || !PYTHON_NAME.matcher(name).matches()) return name;
      return internal.computeIfAbsent(name, n -> {
        String alias;
        for (int k = internal.size() + 1; ; k++) {
          alias = INTERNAL + k;
          if (taken.add(alias)) return alias;
        }
      });
    }

    private void copy(int count) {
      for (int k = 0; k < count; k++) append(regex.charAt(i + k), i + k);
      i += count;
    }

    /** Appends {@code c}, which stands for the character at {@code from} in the user's pattern. */
    private void append(char c, int from) {
      if (out.length() == source.length) source = Arrays.copyOf(source, source.length * 2);
      source[out.length()] = from;
      out.append(c);
    }
  }
}
