package io.crawlpipe.crawler.fetch;

/** {@link FailureContract} on crawlpipe's own HTTP/1.1 client. */
class Http1FetcherFailureContractTest extends FailureContract {
  @Override
  ClientUnderTest client() {
    return ClientUnderTest.HTTP1;
  }
}
