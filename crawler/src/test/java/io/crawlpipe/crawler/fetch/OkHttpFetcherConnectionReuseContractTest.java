package io.crawlpipe.crawler.fetch;

/** {@link ConnectionReuseContract} on OkHttp. */
class OkHttpFetcherConnectionReuseContractTest extends ConnectionReuseContract {
  @Override
  ClientUnderTest client() {
    return ClientUnderTest.OKHTTP;
  }
}
