package io.crawlpipe.crawler.process;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.crawlpipe.crawler.fetch.FetchClient;
import io.crawlpipe.crawler.fetch.FetchSettings;
import io.crawlpipe.crawler.fetch.HttpProxy;
import java.time.Duration;
import java.util.Objects;

/**
 * A line the parent writes to a worker's stdin: one {@link Hello} first, then {@link Fetch} jobs.
 * The parent closes the worker's stdin to tell it to exit. See {@link ProtocolCodec}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ParentMessage.Hello.class, name = "hello"),
    @JsonSubTypes.Type(value = ParentMessage.Fetch.class, name = "fetch")})
sealed interface ParentMessage {

  /**
   * The protocol version the parent speaks, the worker's number (for its log lines), the URLs it
   * may get at once (to size its connection pool) and how to fetch, HTTP client and proxy (its
   * URL with any password: the hello goes down the worker's stdin, never into a log) included.
   */
  record Hello(int version, int worker, int concurrency, long timeoutMs, long maxBytes,
      int maxRedirects, String userAgent, String client, String proxy) implements ParentMessage {

    static Hello of(int worker, int concurrency, FetchSettings fetch) {
      return new Hello(ProtocolCodec.VERSION, worker, concurrency, fetch.timeout().toMillis(),
          fetch.maxBytes(), fetch.maxRedirects(), fetch.userAgent(), fetch.client().code(),
          fetch.proxy() == null ? null : fetch.proxy().url());
    }

    /** The hello without the proxy's URL, which may hold a password. */
    @Override
    public String toString() {
      return "Hello[version=" + version + ", worker=" + worker + ", concurrency=" + concurrency + ", client=" + client
          + ", proxy=" + (proxy == null ? "none" : "set") + "]";
    }

    /** The fetch settings this hello carries; throws IllegalArgumentException if they are invalid. */
    FetchSettings fetchSettings() {
      return new FetchSettings(Duration.ofMillis(timeoutMs), maxBytes, maxRedirects, userAgent,
          client == null ? FetchSettings.DEFAULT_CLIENT : FetchClient.parse(client),
          proxy == null ? null : HttpProxy.parse(proxy));
    }
  }

  /** Fetch {@code url} once; the answer carries the same {@code id}. */
  record Fetch(long id, String url) implements ParentMessage {
    public Fetch {
      Objects.requireNonNull(url, "url");
    }
  }
}
