package io.crawlpipe.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.store.CrawlResult;
import io.crawlpipe.store.ErrorType;
import io.crawlpipe.store.ResultError;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the log is given of URLs and messages from outside: no control character, one line each. */
class LogTextTest {

  @Test
  void aTerminalEscapeSequenceIsWrittenAsAnEscapeNotSent() {
    assertThat(LogText.printable("http://a.test/\u001b[31mred\r\nx")).isEqualTo("http://a.test/\\u001b[31mred\\u000d\\u000ax");
    assertThat(LogText.quoted("say \"hi\" \\ \u001b]0;title\u0007")).isEqualTo("\"say \\\"hi\\\" \\\\ \\u001b]0;title\\u0007\"");
  }

  @Test
  void theTextOfAnEscapeIsNotTakenForOneAndQuotingEscapesNothingTwice() {
    assertThat(LogText.printable("http://a.test/\\u001b[31m\\d")).isEqualTo("http://a.test/\\u005cu001b[31m\\d");
    assertThat(LogText.quoted("a\\u000a\n\\d")).isEqualTo("\"a\\\\u000a\\u000a\\\\d\"");
  }

  @Test
  void theDoneLineGivesTheErrorsMessageQuotedAndTheFinalUrlWhenItDiffers() {
    CrawlResult failed = new CrawlResult("http://a.test/", "http://b.test/next", null, false, null, 0, null, null,
        Instant.EPOCH, 12, 2, Map.of(), new ResultError(ErrorType.CONNECT, "connect to b.test:80: \"refused\""));
    assertThat(LineWriter.doneLine(failed)).isEqualTo("done url=http://a.test/ final_url=http://b.test/next status=null"
        + " ms=12 attempts=2 error=connect message=\"connect to b.test:80: \\\"refused\\\"\"");
    CrawlResult ok = new CrawlResult("http://a.test/", "http://a.test/", 200, true, "text/html", 5, null, null,
        Instant.EPOCH, 3, 1, Map.of(), null);
    assertThat(LineWriter.doneLine(ok)).isEqualTo("done url=http://a.test/ status=200 ms=3 attempts=1 error=-");
  }

  @Test
  void theDoneLineOfAListLineWithAnEscapeSequenceHoldsNoControlCharacter() {
    CrawlResult invalid = new CrawlResult("x\u001b[31mred", null, null, false, null, 0, null, null, Instant.EPOCH, 0, 0,
        Map.of(), new ResultError(ErrorType.INVALID_URL, "bad \u001b[0m"));
    assertThat(LineWriter.doneLine(invalid)).doesNotContain("\u001b").contains("url=x\\u001b[31mred", "\"bad \\u001b[0m\"");
  }
}
