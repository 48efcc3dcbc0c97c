package io.crawlpipe.crawler.fetch;

import java.net.UnknownHostException;
import okhttp3.tls.HandshakeCertificates;

/**
 * The two clients {@code --client} chooses between, as {@link FetcherFixture} opens them for the
 * fetcher contracts: each contract has a subclass per client naming one of these. Each fetcher
 * opened has a pool for 4 connections and the fixture's clock; the caller closes it.
 */
enum ClientUnderTest {
  /** crawlpipe's own HTTP/1.1 client, {@link Http1Fetcher}. */
  HTTP1 {
    @Override
    PooledFetcher open(FetchSettings settings) {
      return new Http1Fetcher(settings, 4, FetcherFixture.CLOCK);
    }

    @Override
    PooledFetcher openWithoutDns(FetchSettings settings) {
      return Http1FetcherFixture.withoutTls(settings, host -> {
        throw new UnknownHostException("no such host: " + host);
      });
    }

    @Override
    PooledFetcher openTrusting(FetchSettings settings, HandshakeCertificates trusting) {
      return new Http1Fetcher(settings, 4, FetcherFixture.CLOCK, trusting::sslSocketFactory, Http1Connector.Resolver.SYSTEM);
    }
  },

  /** OkHttp, through {@link FetchClient#OKHTTP}. */
  OKHTTP {
    @Override
    PooledFetcher open(FetchSettings settings) {
      return FetchClient.OKHTTP.open(settings, 4, FetcherFixture.CLOCK);
    }

    @Override
    PooledFetcher openWithoutDns(FetchSettings settings) {
      SharedClient client = new SharedClient(SharedClient.cleartextBuilder(settings, 1)
          .dns(host -> { throw new UnknownHostException("no such host: " + host); })
          .build(), b -> b, settings);
      return FetchClient.okhttp(client, settings, FetcherFixture.CLOCK);
    }

    @Override
    PooledFetcher openTrusting(FetchSettings settings, HandshakeCertificates trusting) {
      SharedClient client = new SharedClient(SharedClient.cleartextBuilder(settings, 4).build(),
          b -> b.sslSocketFactory(trusting.sslSocketFactory(), trusting.trustManager()), settings);
      return FetchClient.okhttp(client, settings, FetcherFixture.CLOCK);
    }
  };

  /** A fetcher with {@code settings}. */
  abstract PooledFetcher open(FetchSettings settings);

  /** A fetcher whose name lookups all fail with UnknownHostException, without asking any resolver. */
  abstract PooledFetcher openWithoutDns(FetchSettings settings);

  /** A fetcher that trusts only what {@code trusting} trusts, for TLS. */
  abstract PooledFetcher openTrusting(FetchSettings settings, HandshakeCertificates trusting);
}
