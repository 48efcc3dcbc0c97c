package io.crawlpipe.parser.rules;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which URLs a rule applies to. Written {@code glob:PATTERN}, {@code regex:PATTERN}, or a bare
 * glob. Both kinds must match the whole URL, case-sensitively. In a glob, {@code *} matches any
 * run of characters, {@code /} and {@code ?} included, and every other character is literal (so
 * the {@code ?} of a query string needs no escaping): {@code https://maoyan.com/board/*}. A regex
 * is a Java regular expression: {@code regex:https://maoyan\.com/board/\d+.*}. Immutable.
 *
 * @param spec the pattern as written, prefix included
 * @param regex the compiled whole-URL matcher
 */
public record UrlPattern(String spec, Pattern regex) {
  public UrlPattern {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(regex, "regex");
  }

  /**
   * Parses {@code glob:...}, {@code regex:...} or a bare glob.
   *
   * @throws IllegalArgumentException with a one-line message when the pattern is empty or the
   *     regex does not compile
   */
  public static UrlPattern parse(String spec) {
    if (spec.startsWith("regex:")) {
      String regex = spec.substring("regex:".length());
      if (regex.isEmpty()) throw new IllegalArgumentException("url pattern \"regex:\" is empty");
      try {
        return new UrlPattern(spec, Pattern.compile(regex));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("url regex does not compile: " + e.getDescription()
            + " near index " + e.getIndex(), e);
      }
    }
    String glob = spec.startsWith("glob:") ? spec.substring("glob:".length()) : spec;
    if (glob.isEmpty()) throw new IllegalArgumentException("url pattern is empty");
    return new UrlPattern(spec, globToRegex(glob));
  }

  /** True when the whole URL matches. */
  public boolean matches(String url) {
    return matches((CharSequence) url);
  }

  /** As {@link #matches(String)}, for a URL read through a bound ({@link DeadlineCharSequence}). */
  public boolean matches(CharSequence url) {
    return regex.matcher(url).matches();
  }

  private static Pattern globToRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    int from = 0;
    for (int star = glob.indexOf('*'); star >= 0; star = glob.indexOf('*', from)) {
      if (star > from) regex.append(Pattern.quote(glob.substring(from, star)));
      regex.append(".*");
      from = star + 1;
    }
    if (from < glob.length()) regex.append(Pattern.quote(glob.substring(from)));
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  @Override
  public String toString() {
    return spec;
  }
}
