package io.crawlpipe.parser.rules;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which URLs a rule applies to. Written {@code glob:PATTERN}, {@code regex:PATTERN}, or a bare
 * glob. Both kinds must match the whole URL, case-sensitively. In a glob, {@code *} matches any
 * run of characters, {@code /} and {@code ?} included, and every other character is literal (so
 * the {@code ?} of a query string needs no escaping): {@code https://maoyan.com/board/*}. A regex
 * is a Java regular expression: {@code regex:https://maoyan\.com/board/\d+.*}. Either must be able
 * to match some http or https URL: a pattern without the scheme is refused. The URLs matched are
 * ASCII (a host in its IDNA form, other characters percent-encoded): a glob's host is lower-cased
 * and converted and its other characters encoded to match ({@link UrlPatternText}), a regex that
 * holds a character outside ASCII is refused. Immutable. Two patterns are equal when written alike
 * (their specs, and so their regexes, are equal).
 *
 * @param spec the pattern as written, prefix included
 * @param regex the compiled whole-URL matcher: the one {@link #parse} compiles {@code spec} to (its
 *     source and flags), as the constructor checks
 */
public record UrlPattern(String spec, Pattern regex) {
  /** An http(s) scheme in any case, its colon escaped or not (as a regex may write it). */
  private static final Pattern SCHEME = Pattern.compile("(?i)(https?)\\\\?:");

  /**
   * Checks {@code spec} as {@link #parse} does, and that {@code regex} is what it compiles to.
   *
   * @throws IllegalArgumentException as {@link #parse} does, and when {@code regex} is another
   *     pattern than {@code spec}'s (its source or flags differ)
   */
  public UrlPattern {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(regex, "regex");
    String source = source(spec);
    if (!regex.pattern().equals(source) || regex.flags() != ownFlags(spec, source)) {
      throw new IllegalArgumentException("url pattern \"" + spec + "\" is given the regex \"" + regex.pattern()
          + "\" (flags " + regex.flags() + "), which is not its own: make it with UrlPattern.parse");
    }
    if (!canMatchHttp(regex)) {
      throw new IllegalArgumentException("url pattern \"" + spec + "\" matches no http or https URL: " + schemeHint(spec));
    }
    if (!spec.startsWith("regex:")) checkPath(spec, spec.startsWith("glob:") ? "glob:" : "");
  }

  /**
   * Parses {@code glob:...}, {@code regex:...} or a bare glob.
   *
   * @throws IllegalArgumentException with a one-line message when the pattern is empty or longer than
   *     10,000 characters, the regex
   *     does not compile or holds a character outside ASCII, a glob's host cannot be converted to
   *     ASCII, or the pattern can match no http or https URL (it names no scheme, or another one:
   *     {@code 127.0.0.1:8000/board/*}; a glob has no path after its host: {@code http://host}),
   *     with the pattern it probably meant
   */
  public static UrlPattern parse(String spec) {
    String source = source(spec);
    if (!spec.startsWith("regex:")) return new UrlPattern(spec, Pattern.compile(source, Pattern.DOTALL));
    try {
      return new UrlPattern(spec, Pattern.compile(source));
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("url regex does not compile: " + e.getDescription()
          + " near index " + e.getIndex(), e);
    }
  }

  /**
   * The flags of {@code spec}'s regex: a glob's {@code DOTALL}; a regex's its inline ones ({@code
   * (?i)}), which {@link Pattern#flags} includes, so found by compiling it again.
   */
  private static int ownFlags(String spec, String source) {
    return spec.startsWith("regex:") ? Pattern.compile(source).flags() : Pattern.DOTALL;
  }

  /** The regex {@code spec} is compiled from (a glob's quoted, {@code *} as {@code .*}), once its text is checked. */
  private static String source(String spec) {
    RegexCompiler.checkLength("url pattern", spec);
    if (spec.startsWith("regex:")) {
      String regex = spec.substring("regex:".length());
      if (regex.isEmpty()) throw new IllegalArgumentException("url pattern \"regex:\" is empty");
      UrlPatternText.checkRegex(spec, regex);
      return regex;
    }
    String glob = spec.startsWith("glob:") ? spec.substring("glob:".length()) : spec;
    if (glob.isEmpty()) throw new IllegalArgumentException("url pattern is empty");
    return globToRegex(UrlPatternText.glob(spec, glob));
  }

  /**
   * Refuses a glob whose literal {@code http://} or {@code https://} and host (no {@code *} in
   * either) are followed by its end, a {@code ?} or a {@code #} instead of a {@code /}: the URLs
   * matched always have a path, {@code /} at least ({@code http://host?q} is fetched as {@code
   * http://host/?q}), so it could match none.
   */
  private static void checkPath(String spec, String kind) {
    String glob = spec.substring(kind.length());
    int scheme = glob.indexOf("://");
    if (scheme < 0 || !(glob.startsWith("http://") || glob.startsWith("https://"))) return;
    int end = scheme + 3;
    while (end < glob.length() && "/?#".indexOf(glob.charAt(end)) < 0) end++;
    if (glob.substring(scheme, end).indexOf('*') >= 0 || end < glob.length() && glob.charAt(end) == '/') return;
    throw new IllegalArgumentException("url pattern \"" + spec + "\" matches no URL: URLs always have a path after"
        + " the host, \"/\" at least: try '" + kind + glob.substring(0, end) + "/" + glob.substring(end) + "'");
  }

  /**
   * Whether some URL starting {@code http://} or {@code https://} may match: the regex matches one
   * of the two, or reads to its end (so a longer URL could match). The URLs compared with the
   * patterns are those the crawler fetched, always http or https with the scheme in lower case.
   */
  private static boolean canMatchHttp(Pattern regex) {
    for (String scheme : new String[] {"http://", "https://"}) {
      Matcher matcher = regex.matcher(scheme);
      if (matcher.matches() || matcher.hitEnd()) return true;
    }
    return false;
  }

  /** Why a pattern that matches no http(s) URL does not, with the likely intended pattern. */
  private static String schemeHint(String spec) {
    String kind = spec.startsWith("regex:") ? "regex:" : spec.startsWith("glob:") ? "glob:" : "";
    String body = spec.substring(kind.length());
    String anchor = kind.equals("regex:") && body.startsWith("^") ? "^" : "";
    String rest = body.substring(anchor.length());
    Matcher http = SCHEME.matcher(rest);
    if (http.lookingAt() && !http.group(1).equals(http.group(1).toLowerCase(Locale.ROOT))) {
      return "URLs have their scheme in lower case: try '" + kind + anchor + http.group(1).toLowerCase(Locale.ROOT)
          + rest.substring(http.group(1).length()) + "'";
    }
    if (!kind.equals("regex:") && readsAsRegex(body)) {
      String meant = body.contains("://") ? body : body.replaceFirst("^\\^?", "$0https?://");
      return "a pattern without 'regex:' is a glob (* stands for any text), and this one reads as a regex:"
          + " try 'regex:" + meant + "'";
    }
    if (rest.contains("://")) return "crawlpipe fetches only http and https URLs";
    String scheme = kind.equals("regex:") ? "https?:" : "http:";
    return "a url pattern matches the whole URL, scheme included: try '" + kind + anchor + scheme
        + (rest.startsWith("//") ? "" : "//") + rest + "'";
  }

  /** Whether a glob's text looks written as a regex: {@code ^} first, {@code $} last, {@code .*}, {@code .+} or a backslash. */
  private static boolean readsAsRegex(String glob) {
    return glob.startsWith("^") || glob.endsWith("$") || glob.contains(".*") || glob.contains(".+") || glob.contains("\\");
  }

  /** True when the whole URL matches. */
  public boolean matches(String url) {
    return matches((CharSequence) url);
  }

  /** As {@link #matches(String)}, for a URL read through a bound ({@link DeadlineCharSequence}). */
  public boolean matches(CharSequence url) {
    return regex.matcher(url).matches();
  }

  private static String globToRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    int from = 0;
    for (int star = glob.indexOf('*'); star >= 0; star = glob.indexOf('*', from)) {
      if (star > from) regex.append(Pattern.quote(glob.substring(from, star)));
      regex.append(".*");
      from = star + 1;
    }
    if (from < glob.length()) regex.append(Pattern.quote(glob.substring(from)));
    return regex.toString();
  }

  /** Equal to another pattern written alike: the same spec, and so the same regex source and flags. */
  @Override
  public boolean equals(Object o) {
    return o instanceof UrlPattern other && spec.equals(other.spec) && regex.pattern().equals(other.regex.pattern())
        && regex.flags() == other.regex.flags();
  }

  @Override
  public int hashCode() {
    return spec.hashCode();
  }

  @Override
  public String toString() {
    return spec;
  }
}
