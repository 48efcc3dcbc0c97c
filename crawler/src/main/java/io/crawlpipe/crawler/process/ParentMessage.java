package io.crawlpipe.crawler.process;

import io.crawlpipe.crawler.fetch.FetchClient;
import io.crawlpipe.crawler.fetch.FetchSettings;
import io.crawlpipe.crawler.fetch.HttpProxy;
import io.crawlpipe.crawler.fetch.NoProxy;
import io.crawlpipe.crawler.fetch.ProxyRoutes;
import io.crawlpipe.crawler.fetch.RequestHeader;
import io.crawlpipe.crawler.fetch.TlsTrust;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A line the parent writes to a worker's stdin: one {@link Hello} first, then {@link Fetch} jobs.
 * The parent closes the worker's stdin to tell it to exit. See {@link ProtocolCodec}.
 */
sealed interface ParentMessage {

  /**
   * The protocol version the parent speaks, the worker's number (for its log lines), the URLs it
   * may get at once ({@code concurrency}, its share of {@code --concurrency}: the parent never
   * sends it more), the idle connections its HTTP client keeps ({@code idleConnections}, sized by
   * the parent for the whole run: URLs are spread without regard to their host, so every worker
   * may see every host) and how to fetch, HTTP client and proxies included: the {@code http} and
   * {@code https} proxies' URLs with any password (the hello goes down the worker's stdin, never
   * into a log), the hosts that bypass them and whether loopback hosts do ({@link ProxyRoutes}),
   * the headers added to every request, as {@code Name: value} lines (null: none), and the
   * {@code --ca-cert} certificates the worker trusts besides the JDK's own, as PEM text (null or
   * empty: none; read from the files once, by the parent, so every worker trusts the same), or
   * {@code insecure} ({@code --insecure}): no server's certificate or host name is checked (no
   * {@code caCertificates} then). Not validated here: a hello of another version is read for its
   * version alone; the worker checks the rest ({@link #fetchSettings}, {@link #idleConnectionsToKeep}).
   */
  record Hello(int version, int worker, int concurrency, int idleConnections, long timeoutMs, long maxBytes,
      int maxRedirects, String userAgent, String client, String proxy, String httpsProxy, List<String> noProxy,
      boolean loopbackDirect, List<String> headers, String caCertificates, boolean insecure) implements ParentMessage {

    static Hello of(int worker, int concurrency, int idleConnections, FetchSettings fetch) {
      ProxyRoutes proxies = fetch.proxies();
      return new Hello(ProtocolCodec.VERSION, worker, concurrency, idleConnections, fetch.timeout().toMillis(),
          fetch.maxBytes(), fetch.maxRedirects(), fetch.userAgent(), fetch.client().code(),
          url(proxies.http()), url(proxies.https()), proxies.bypass().entries(), proxies.loopbackDirect(),
          fetch.headers().stream().map(RequestHeader::line).toList(),
          fetch.trust().authorities().isEmpty() ? null : fetch.trust().pem(), fetch.trust().insecure());
    }

    private static String url(HttpProxy proxy) {
      return proxy == null ? null : proxy.url();
    }

    /** The hello without the proxies' URLs, which may hold a password. */
    @Override
    public String toString() {
      return "Hello[version=" + version + ", worker=" + worker + ", concurrency=" + concurrency
          + ", idleConnections=" + idleConnections + ", client=" + client
          + ", proxy=" + (proxy == null && httpsProxy == null ? "none" : "set")
          + ", caCertificates=" + (caCertificates == null || caCertificates.isEmpty() ? "none" : "set")
          + (insecure ? ", insecure" : "") + "]";
    }

    /** The idle connections the worker's client keeps; IllegalArgumentException naming the field if below 1. */
    int idleConnectionsToKeep() {
      if (idleConnections < 1) {
        throw new IllegalArgumentException("idle_connections must be at least 1, was " + idleConnections);
      }
      return idleConnections;
    }

    /** The fetch settings this hello carries; throws IllegalArgumentException if they are invalid. */
    FetchSettings fetchSettings() {
      return new FetchSettings(Duration.ofMillis(timeoutMs), maxBytes, maxRedirects, userAgent,
          client == null ? FetchSettings.DEFAULT_CLIENT : FetchClient.parse(client),
          new ProxyRoutes(proxy == null ? null : HttpProxy.parse(proxy), httpsProxy == null ? null : HttpProxy.parse(httpsProxy),
              new NoProxy(noProxy == null ? List.of() : noProxy), loopbackDirect),
          headers == null ? List.of() : headers.stream().map(RequestHeader::parse).toList(),
          trust());
    }

    private TlsTrust trust() {
      if (insecure && caCertificates != null) {
        throw new IllegalArgumentException("insecure checks no certificate, so it takes no ca_certificates");
      }
      if (insecure) return TlsTrust.INSECURE;
      return caCertificates == null ? TlsTrust.JDK_DEFAULT : TlsTrust.ofPem(caCertificates, "ca_certificates");
    }
  }

  /**
   * Fetch {@code url} once; the answer carries the same {@code id}. With {@code reportStart} the
   * worker also says when it has written the request, on an open connection ({@link
   * WorkerMessage.Started}): the parent times the host's {@code --delay} from then.
   */
  record Fetch(long id, String url, boolean reportStart) implements ParentMessage {
    public Fetch {
      Objects.requireNonNull(url, "url");
    }
  }
}
