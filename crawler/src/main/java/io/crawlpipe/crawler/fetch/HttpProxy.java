package io.crawlpipe.crawler.fetch;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * An HTTP proxy every fetch goes through ({@code --proxy}): {@code http} URLs are sent to it in
 * absolute form, {@code https} URLs through a {@code CONNECT} tunnel, both clients alike. {@code
 * user} and {@code password} (either may be null; a password needs a user) become Basic {@code
 * Proxy-Authorization} ({@link #authorization()}). {@link #toString()} leaves the credentials out;
 * {@link #url()} keeps them, for the worker JVMs of processes mode.
 */
public record HttpProxy(String host, int port, String user, String password) {
  public HttpProxy {
    Objects.requireNonNull(host, "host");
    if (host.isEmpty()) throw new IllegalArgumentException("proxy host is empty");
    if (port < 1 || port > 65535) throw new IllegalArgumentException("proxy port must be 1..65535, was " + port);
    if (password != null && user == null) throw new IllegalArgumentException("a proxy password needs a user");
  }

  /**
   * Reads {@code http://[user[:password]@]host[:port]} (port 80 when left out; the scheme may be
   * left out too). Throws IllegalArgumentException saying what is wrong, never quoting the value.
   */
  public static HttpProxy parse(String value) {
    String text = value.strip();
    if (!text.contains("://")) text = "http://" + text;
    if (!text.regionMatches(true, 0, "http://", 0, 7)) {
      throw new IllegalArgumentException("only http:// proxies are supported");
    }
    HttpUrl url = HttpUrl.parse(text);
    if (url == null) {
      String port = portOutOfRange(text);
      throw new IllegalArgumentException(port != null ? "not a proxy URL: port must be 1..65535, was " + port
          : "not a proxy URL (expected http://[user:password@]host:port,"
          + " with / \\ ? # @ : in the user or password percent-encoded)");
    }
    if (!url.encodedPath().equals("/") || url.encodedQuery() != null || url.encodedFragment() != null) {
      throw new IllegalArgumentException("a proxy URL has no path, query or fragment (expected http://host:port)");
    }
    String user = url.username().isEmpty() ? null : url.username();
    String password = url.password().isEmpty() ? null : url.password();
    return new HttpProxy(url.host(), url.port(), user, password);
  }

  /**
   * The port of {@code text} ({@code http://...}) when it is a number outside 1..65535, else null:
   * the digits after the host's last colon, the host being what follows the last {@code @} (so never
   * a password) up to the first {@code /}, {@code ?} or {@code #}, an IPv6 host in brackets. Null
   * whenever an {@code @} follows that end: a password holding an unencoded {@code /}, whose digits
   * must not be quoted as a port.
   */
  private static String portOutOfRange(String text) {
    String[] parts = text.substring(text.indexOf("://") + 3).split("[/?#]", 2);
    if (parts.length > 1 && parts[1].indexOf('@') >= 0) return null;
    String authority = parts[0];
    String host = authority.substring(authority.lastIndexOf('@') + 1);
    int colon = host.lastIndexOf(':');
    if (colon < 0 || colon < host.lastIndexOf(']')) return null;
    String port = host.substring(colon + 1);
    if (!port.matches("[0-9]+")) return null;
    BigInteger number = new BigInteger(port);
    boolean inRange = number.signum() > 0 && number.compareTo(BigInteger.valueOf(65535)) <= 0;
    return inRange ? null : port;
  }

  /** The {@code Proxy-Authorization} header's value, or null when there is no user. */
  public String authorization() {
    if (user == null) return null;
    String credentials = user + ":" + (password == null ? "" : password);
    return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  /** The proxy as a URL, credentials included: what {@link #parse} reads back. */
  public String url() {
    HttpUrl.Builder url = new HttpUrl.Builder().scheme("http").host(host).port(port);
    if (user != null) url.username(user);
    if (password != null) url.password(password);
    return url.build().toString().replaceAll("/$", "");
  }

  /** {@code http://host:port}: no credentials (some services put a key in the user name). */
  @Override
  public String toString() {
    return "http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
