package io.crawlpipe.crawler.fetch;

import java.net.UnknownHostException;

/** {@link FetcherContract} on OkHttp. */
class OkHttpFetcherTest extends FetcherContract {

  @Override
  PooledFetcher open(FetchSettings settings) {
    return FetchClient.OKHTTP.open(settings, 4, CLOCK);
  }

  @Override
  PooledFetcher openWithoutDns(FetchSettings settings) {
    SharedClient client = new SharedClient(SharedClient.cleartextBuilder(settings, 1)
        .dns(host -> { throw new UnknownHostException("no such host: " + host); })
        .build(), b -> b, settings.proxies());
    return FetchClient.okhttp(client, settings, CLOCK);
  }
}
