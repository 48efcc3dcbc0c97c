package io.crawlpipe.crawler.fetch;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One header a crawl adds to every request it sends ({@code --header 'Accept-Language: de'}):
 * robots.txt and every redirect hop included, to whatever host that is. A name is an HTTP token;
 * a value is printable ASCII and tabs, without leading or trailing whitespace (header values are
 * ASCII on the wire, and OkHttp refuses anything else). Names the client sets itself, {@code
 * User-Agent} (see {@code --user-agent}) and credentials are refused: since a header goes to every
 * host a redirect leads to, crawlpipe sends none that would give a login away. Immutable.
 */
public record RequestHeader(String name, String value) {
  private static final String CLIENT_SETS = "the HTTP client sets it";
  private static final Map<String, String> REFUSED = Map.ofEntries(
      Map.entry("host", "it is set from each URL"),
      Map.entry("user-agent", "use --user-agent, which robots.txt is matched against"),
      Map.entry("accept-encoding", "crawlpipe asks for gzip and decodes it; a body in another encoding would be kept"
          + " as it came"),
      Map.entry("authorization", credentials()),
      Map.entry("cookie", credentials()),
      Map.entry("proxy-authorization", "give the proxy's user and password in --proxy http://user:password@host:port"),
      Map.entry("content-length", CLIENT_SETS), Map.entry("transfer-encoding", CLIENT_SETS),
      Map.entry("connection", CLIENT_SETS), Map.entry("keep-alive", CLIENT_SETS),
      Map.entry("proxy-connection", CLIENT_SETS), Map.entry("te", CLIENT_SETS), Map.entry("trailer", CLIENT_SETS),
      Map.entry("upgrade", CLIENT_SETS), Map.entry("expect", CLIENT_SETS));

  /** @throws IllegalArgumentException naming the header and what is wrong with it */
  public RequestHeader {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (name.isEmpty() || !name.chars().allMatch(RequestHeader::isTokenChar)) {
      throw new IllegalArgumentException("'" + printable(name) + "' is not a header name (letters, digits and"
          + " !#$%&'*+-.^_`|~ only)");
    }
    String refused = REFUSED.get(name.toLowerCase(Locale.ROOT));
    if (refused != null) throw new IllegalArgumentException(name + " is refused: " + refused);
    String problem = valueProblem(value);
    if (problem != null) throw new IllegalArgumentException(name + "'s value " + problem);
    if (!value.strip().equals(value)) throw new IllegalArgumentException(name + "'s value has surrounding whitespace");
  }

  /**
   * The header written as {@code Name: value}, as curl's {@code -H} takes it: the value is
   * trimmed, and may be empty; {@code Name;} is curl's way to write an empty value.
   *
   * @throws IllegalArgumentException naming {@code line} and what is wrong with it
   * @throws NullPointerException naming {@code line} when it is null
   */
  public static RequestHeader parse(String line) {
    Objects.requireNonNull(line, "line");
    int colon = line.indexOf(':');
    String bare = line.endsWith(";") ? line.substring(0, line.length() - 1) : null;
    if (colon < 0 && bare != null && !bare.isEmpty() && bare.chars().allMatch(RequestHeader::isTokenChar)) {
      return new RequestHeader(bare, "");
    }
    if (colon < 0) throw new IllegalArgumentException(noColon(line));
    return new RequestHeader(line.substring(0, colon), line.substring(colon + 1).strip());
  }

  /**
   * The error for a line without a colon, naming only the header name it starts with (up to its
   * first character that cannot be in a name: a space, {@code =}, {@code ;}, {@code /}): the rest is
   * likely a value, perhaps a key ({@code X-Api-Key=SECRET}), which no message repeats.
   */
  private static String noColon(String line) {
    int end = 0;
    while (end < line.length() && isTokenChar(line.charAt(end))) end++;
    return end == line.length() ? "'" + printable(line) + "' is not NAME: VALUE"
        : "'" + printable(line.substring(0, end)) + "' has no ':' before its value (write NAME: VALUE)";
  }

  /**
   * What makes {@code value} unfit for a header value, in words that follow "the value" (such as
   * "contains 'é' (U+00E9): header values are ASCII"), or null when it is fit: printable ASCII
   * and tabs only. The User-Agent is checked by this too.
   *
   * @throws NullPointerException naming {@code value} when it is null
   */
  public static String valueProblem(String value) {
    Objects.requireNonNull(value, "value");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\t' || (c >= 0x20 && c < 0x7f)) continue;
      if (c < 0x20 || c == 0x7f) return "contains a control character";
      int cp = value.codePointAt(i);
      return "contains '" + Character.toString(cp) + "' (U+" + String.format("%04X", cp) + "): header values are ASCII";
    }
    return null;
  }

  /** The header line, without its line end. */
  public String line() {
    return name + ": " + value;
  }

  /** The name only: a value may be a key ({@code X-Api-Key}), and this may reach a log. */
  @Override
  public String toString() {
    return name + ": …";
  }

  private static boolean isTokenChar(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }

  private static String credentials() {
    return "a header goes to every host, redirects included, so crawlpipe sends no credentials";
  }

  /** {@code text} with control characters shown as {@code ?}, for a message on one line. */
  private static String printable(String text) {
    return text.replaceAll("\\p{Cntrl}", "?");
  }
}
