package io.crawlpipe.crawler.fetch;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Which proxy, if any, a fetch goes through: {@code http} for {@code http} URLs, {@code https} for
 * {@code https} URLs (either null: direct), except for hosts {@code bypass} matches, and, when
 * {@code loopbackDirect}, loopback hosts ({@code localhost}, {@code *.localhost}, {@code
 * 127.0.0.0/8}, {@code ::1}), which a proxy elsewhere could not reach. {@code --proxy} sends every
 * URL through one proxy ({@link #every}); without it, the environment's variables decide, as
 * curl reads them ({@link #fromEnvironment}). Immutable.
 */
public record ProxyRoutes(HttpProxy http, HttpProxy https, NoProxy bypass, boolean loopbackDirect) {
  /** Every fetch direct. */
  public static final ProxyRoutes DIRECT = new ProxyRoutes(null, null, NoProxy.NONE, false);

  private static final NoProxy LOOPBACK = NoProxy.parse("localhost 127.0.0.0/8 ::1");

  public ProxyRoutes {
    Objects.requireNonNull(bypass, "bypass");
  }

  /** Every URL through {@code proxy} (null: every fetch direct): the {@code --proxy} option. */
  public static ProxyRoutes every(HttpProxy proxy) {
    return proxy == null ? DIRECT : new ProxyRoutes(proxy, proxy, NoProxy.NONE, false);
  }

  /**
   * The proxies the environment names, as curl reads them: {@code http_proxy} (lower case only,
   * as curl: a web server's CGI environment may hold an upper-case {@code HTTP_PROXY} a client
   * sent) for {@code http} URLs, {@code https_proxy} or {@code HTTPS_PROXY} for {@code https}
   * ones, {@code all_proxy} or {@code ALL_PROXY} for either when its own is unset (read only
   * then); {@code no_proxy} or {@code NO_PROXY} lists the hosts that bypass them ({@link NoProxy}),
   * and {@code *} there means no proxy variable is read at all. An empty variable counts as
   * unset. Loopback hosts always go direct.
   *
   * @param variables the environment's value of a name, or null
   * @throws IllegalArgumentException naming the variable when its value is not an http:// proxy
   */
  public static ProxyRoutes fromEnvironment(UnaryOperator<String> variables) {
    NoProxy bypass = NoProxy.parse(value(variables, "no_proxy", "NO_PROXY"));
    if (bypass.matchesAll()) return DIRECT; // the proxy variables are not even read
    HttpProxy http = proxy(variables, "http_proxy");
    HttpProxy https = proxy(variables, "https_proxy", "HTTPS_PROXY");
    if (http == null || https == null) { // all_proxy only when needed, as curl: it may name a SOCKS proxy
      HttpProxy all = proxy(variables, "all_proxy", "ALL_PROXY");
      if (http == null) http = all;
      if (https == null) https = all;
    }
    return http == null && https == null ? DIRECT : new ProxyRoutes(http, https, bypass, true);
  }

  /** The value of the first of {@code names} set and not blank, or null. */
  private static String value(UnaryOperator<String> variables, String... names) {
    for (String name : names) {
      String value = variables.apply(name);
      if (value != null && !value.isBlank()) return value;
    }
    return null;
  }

  /** The proxy the first of {@code names} set (not blank) names, or null. */
  private static HttpProxy proxy(UnaryOperator<String> variables, String... names) {
    for (String name : names) {
      String value = variables.apply(name);
      if (value == null || value.isBlank()) continue;
      try {
        return HttpProxy.parse(value);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
      }
    }
    return null;
  }

  /** True when no fetch goes through a proxy. */
  public boolean isDirect() {
    return http == null && https == null;
  }

  /** The proxy a fetch of {@code origin} goes through, or null for a direct connection. */
  HttpProxy forOrigin(Origin origin) {
    HttpProxy proxy = origin.https() ? https : http;
    if (proxy == null) return null;
    if (loopbackDirect && LOOPBACK.matches(origin.host(), origin.port())) return null;
    return bypass.matches(origin.host(), origin.port()) ? null : proxy;
  }

  /** The proxies without their credentials. */
  @Override
  public String toString() {
    return isDirect() ? "direct" : "http " + (http == null ? "direct" : http) + ", https "
        + (https == null ? "direct" : https) + (bypass.entries().isEmpty() ? "" : ", not for " + bypass.entries());
  }
}
