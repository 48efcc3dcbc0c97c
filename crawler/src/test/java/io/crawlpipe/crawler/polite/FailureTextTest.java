package io.crawlpipe.crawler.polite;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.store.ErrorType;
import org.junit.jupiter.api.Test;

class FailureTextTest {
  private static final String URL = "http://a.test/robots.txt";

  @Test
  void anInternalFetchErrorLosesTheJavaClassNameAWorkerPutBeforeItsMessage() {
    FetchException fromWorker = new FetchException(URL, ErrorType.INTERNAL, "IllegalStateException: no trust store", null);
    assertThat(FailureText.ofFetch(fromWorker)).isEqualTo("internal: no trust store");
  }

  @Test
  void anyOtherFetchErrorReadsAsItsTypeAndMessage() {
    FetchException refused = new FetchException(URL, ErrorType.CONNECT, "IOException: refused", null);
    assertThat(FailureText.ofFetch(refused)).isEqualTo("connect: IOException: refused");
    assertThat(FailureText.ofFetch(new IllegalStateException("bug"))).isEqualTo("java.lang.IllegalStateException: bug");
  }

  @Test
  void aFailureWhoseMessageThrowsReadsAsItsClassName() {
    RuntimeException buggy = new RuntimeException() {
      @Override
      public String getMessage() {
        throw new IllegalStateException("no message");
      }
    };
    assertThat(FailureText.of(buggy)).isEqualTo(buggy.getClass().getName() + " (its message could not be read)");
    assertThat(FailureText.of(new IllegalStateException("bug"))).isEqualTo("java.lang.IllegalStateException: bug");
  }
}
