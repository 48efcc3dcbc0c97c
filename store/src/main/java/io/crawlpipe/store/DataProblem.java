package io.crawlpipe.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link JsonData} found in a field's value that is not JSON-like, and where: built at the
 * value as the check unwinds, each container it passes through adding itself and the step from it
 * (jq style: {@code [3]}, {@code .name}, {@code ["odd key"]}). Made only on failure; one check's,
 * not thread-safe.
 */
final class DataProblem {
  /** Longest quoted name or key, in characters, before it is cut with an ellipsis. */
  private static final int QUOTED_MAX = 60;
  /** What is wrong; null when a container nests deeper than {@link JsonData#MAX_DEPTH}. */
  private final String what;
  /** The containers from the field's value inward; {@code steps.get(i)} leads from the i-th to the next. */
  private final ArrayDeque<Object> containers = new ArrayDeque<>();
  private final ArrayDeque<String> steps = new ArrayDeque<>();

  private DataProblem(String what) {
    this.what = what;
  }

  static DataProblem of(String what) {
    return new DataProblem(what);
  }

  static DataProblem notFinite(String number) {
    return of(number + " is not a JSON value (numbers must be finite)");
  }

  /** {@code container} is one level deeper than the writer allows: perhaps because it contains itself. */
  static DataProblem tooDeep(Object container) {
    DataProblem problem = new DataProblem(null);
    problem.containers.add(container);
    return problem;
  }

  /** The problem, one step further out: inside {@code container}, at {@code step}. */
  DataProblem within(Object container, String step) {
    containers.addFirst(container);
    steps.addFirst(step);
    return this;
  }

  /** {@code " at [0].name: what"}, or {@code ": what"} for the field's value itself. */
  String describe() {
    List<String> path = new ArrayList<>(steps);
    if (what != null) return at(path, path.size()) + ": " + what;
    List<Object> chain = new ArrayList<>(containers);
    for (int i = 0; i < chain.size(); i++) {
      for (int j = i + 1; j < chain.size(); j++) {
        if (chain.get(i) == chain.get(j)) {
          return at(path, i) + ": a " + chain.get(i).getClass().getTypeName() + " that contains itself (at "
              + String.join("", path.subList(i, j)) + ") is not a JSON value";
        }
      }
    }
    return ": lists and maps nested deeper than " + JsonData.MAX_DEPTH
        + " levels are not JSON the results file can hold";
  }

  private static String at(List<String> path, int length) {
    return length == 0 ? "" : " at " + String.join("", path.subList(0, length));
  }

  /** The step to a map's member: {@code .key} for a plain name, else {@code ["key"]}. */
  static String member(String key) {
    return isPlainName(key) ? "." + key : "[" + quote(key) + "]";
  }

  private static boolean isPlainName(String key) {
    if (key.isEmpty() || key.length() > QUOTED_MAX || !Character.isLetter(key.charAt(0)) && key.charAt(0) != '_') {
      return false;
    }
    return key.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '_'));
  }

  /**
   * {@code text} in double quotes, on one line: quotes, backslashes and controls escaped, cut after
   * {@link #QUOTED_MAX} characters.
   */
  static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    int end = Math.min(text.length(), QUOTED_MAX);
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') quoted.append('\\').append(c);
      else if (c < 0x20 || c == 0x7f) quoted.append(String.format("\\u%04x", (int) c));
      else quoted.append(c);
    }
    return quoted.append(text.length() > QUOTED_MAX ? "…\"" : "\"").toString();
  }
}
