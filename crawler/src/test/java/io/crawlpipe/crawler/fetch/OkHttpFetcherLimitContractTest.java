package io.crawlpipe.crawler.fetch;

/** {@link LimitContract} on OkHttp. */
class OkHttpFetcherLimitContractTest extends LimitContract {
  @Override
  ClientUnderTest client() {
    return ClientUnderTest.OKHTTP;
  }
}
