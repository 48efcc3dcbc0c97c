package io.crawlpipe.crawler.fetch;

/** {@link FailureContract} on OkHttp. */
class OkHttpFetcherFailureContractTest extends FailureContract {
  @Override
  ClientUnderTest client() {
    return ClientUnderTest.OKHTTP;
  }
}
