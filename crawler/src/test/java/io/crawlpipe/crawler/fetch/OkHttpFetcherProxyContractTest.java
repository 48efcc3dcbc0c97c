package io.crawlpipe.crawler.fetch;

/** {@link ProxyContract} on OkHttp. */
class OkHttpFetcherProxyContractTest extends ProxyContract {
  @Override
  ClientUnderTest client() {
    return ClientUnderTest.OKHTTP;
  }
}
