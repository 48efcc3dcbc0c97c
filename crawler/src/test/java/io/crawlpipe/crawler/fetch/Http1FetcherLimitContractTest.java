package io.crawlpipe.crawler.fetch;

/** {@link LimitContract} on crawlpipe's own HTTP/1.1 client. */
class Http1FetcherLimitContractTest extends LimitContract {
  @Override
  ClientUnderTest client() {
    return ClientUnderTest.HTTP1;
  }
}
