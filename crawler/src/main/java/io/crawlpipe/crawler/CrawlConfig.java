package io.crawlpipe.crawler;

import io.crawlpipe.crawler.fetch.FetchClient;
import io.crawlpipe.crawler.fetch.HttpProxy;
import io.crawlpipe.crawler.fetch.ProxyRoutes;
import io.crawlpipe.crawler.fetch.FetchSettings;
import io.crawlpipe.crawler.fetch.RequestHeader;
import io.crawlpipe.crawler.mode.Mode;
import io.crawlpipe.crawler.polite.BreakerSettings;
import io.crawlpipe.crawler.polite.PolitenessSettings;
import io.crawlpipe.crawler.polite.RetrySettings;
import io.crawlpipe.crawler.polite.SchedulerSettings;
import io.crawlpipe.crawler.process.ProcessPoolSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything a crawl is configured with, built once (by the CLI or a Java caller) and passed in.
 * Immutable; validated on construction. Use {@link #builder()} for defaults. {@code concurrency}
 * bounds the attempts running at once; {@code politeness}, {@code retry} and {@code breaker}
 * configure the per-host scheduling above the mode; {@code processes} the worker pool of
 * {@link Mode#PROCESSES}.
 */
public record CrawlConfig(Mode mode, int concurrency, FetchSettings fetch, PolitenessSettings politeness,
    RetrySettings retry, BreakerSettings breaker, ProcessPoolSettings processes) {
  /** The default User-Agent: product and version. */
  public static final String DEFAULT_USER_AGENT = "crawlpipe/" + Version.get();
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
  /** Redirects followed per URL unless set: the scheduler's own default. */
  public static final int DEFAULT_MAX_REDIRECTS = SchedulerSettings.DEFAULT_MAX_REDIRECTS;

  public CrawlConfig {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(fetch, "fetch");
    Objects.requireNonNull(politeness, "politeness");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(breaker, "breaker");
    Objects.requireNonNull(processes, "processes");
    if (concurrency < 1) throw new IllegalArgumentException("concurrency must be >= 1, was " + concurrency);
  }

  /** This configuration fetching with {@code newFetch}. */
  public CrawlConfig withFetch(FetchSettings newFetch) {
    return new CrawlConfig(mode, concurrency, newFetch, politeness, retry, breaker, processes);
  }

  /** A configuration with the default worker-pool settings. */
  public CrawlConfig(Mode mode, int concurrency, FetchSettings fetch, PolitenessSettings politeness,
      RetrySettings retry, BreakerSettings breaker) {
    this(mode, concurrency, fetch, politeness, retry, breaker, ProcessPoolSettings.defaults());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects optional settings; {@link #build()} fills in defaults and validates. Not thread-safe. */
  public static final class Builder {
    private Mode mode = Mode.VIRTUAL;
    private Integer concurrency;
    private Duration timeout = DEFAULT_TIMEOUT;
    private long maxBytes = DEFAULT_MAX_BYTES;
    private int maxRedirects = DEFAULT_MAX_REDIRECTS;
    private String userAgent = DEFAULT_USER_AGENT;
    private FetchClient client = FetchSettings.DEFAULT_CLIENT;
    private ProxyRoutes proxies = ProxyRoutes.DIRECT;
    private List<RequestHeader> headers = List.of();
    private PolitenessSettings politeness = PolitenessSettings.DEFAULTS;
    private RetrySettings retry = RetrySettings.DEFAULTS;
    private BreakerSettings breaker = BreakerSettings.DEFAULTS;
    private ProcessPoolSettings processes = ProcessPoolSettings.defaults();

    private Builder() {}

    public Builder mode(Mode mode) {
      this.mode = mode;
      return this;
    }

    /** URLs in flight at once; null (the default) means the mode's default. */
    public Builder concurrency(Integer concurrency) {
      this.concurrency = concurrency;
      return this;
    }

    /** Overall per-URL deadline: connect, redirects and body. */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    public Builder maxBytes(long maxBytes) {
      this.maxBytes = maxBytes;
      return this;
    }

    public Builder maxRedirects(int maxRedirects) {
      this.maxRedirects = maxRedirects;
      return this;
    }

    public Builder userAgent(String userAgent) {
      this.userAgent = userAgent;
      return this;
    }

    /** The HTTP proxy every fetch goes through (null: none); the same as {@code proxies(ProxyRoutes.every(proxy))}. */
    public Builder proxy(HttpProxy proxy) {
      return proxies(ProxyRoutes.every(proxy));
    }

    /** Which proxy, if any, each fetch goes through; default {@link ProxyRoutes#DIRECT}. */
    public Builder proxies(ProxyRoutes proxies) {
      this.proxies = Objects.requireNonNull(proxies, "proxies");
      return this;
    }

    /**
     * Headers added to every request, in order; default none.
     *
     * @throws NullPointerException naming the list, or the element ({@code headers[i]}), that is null
     */
    public Builder headers(List<RequestHeader> headers) {
      Objects.requireNonNull(headers, "headers");
      int i = 0;
      for (RequestHeader header : headers) Objects.requireNonNull(header, "headers[" + i++ + "] is null");
      this.headers = List.copyOf(headers);
      return this;
    }

    /** The HTTP client; default {@link FetchSettings#DEFAULT_CLIENT}. */
    public Builder client(FetchClient client) {
      this.client = client;
      return this;
    }

    /** Per-host limits, delay and robots.txt; default {@link PolitenessSettings#DEFAULTS}. */
    public Builder politeness(PolitenessSettings politeness) {
      this.politeness = politeness;
      return this;
    }

    /** Retries of transient failures; default {@link RetrySettings#DEFAULTS}. */
    public Builder retry(RetrySettings retry) {
      this.retry = retry;
      return this;
    }

    /** The per-host circuit breaker; default {@link BreakerSettings#DEFAULTS}. */
    public Builder breaker(BreakerSettings breaker) {
      this.breaker = breaker;
      return this;
    }

    /** The worker pool of {@link Mode#PROCESSES}; ignored by the other modes. */
    public Builder processes(ProcessPoolSettings processes) {
      this.processes = processes;
      return this;
    }

    public CrawlConfig build() {
      Objects.requireNonNull(mode, "mode");
      int n = concurrency == null ? mode.defaultConcurrency() : concurrency;
      return new CrawlConfig(mode, n, new FetchSettings(timeout, maxBytes, maxRedirects, userAgent, client, proxies, headers),
          politeness, retry, breaker, processes);
    }
  }
}
