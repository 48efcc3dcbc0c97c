package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.core.status.ErrorStatus;
import java.io.FileNotFoundException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A {@code --log} file whose directory was removed mid-run fails when logback reopens it, with the
 * {@link FileNotFoundException} of {@code FileOutputStream}: "PATH (reason)". The warning names the
 * file once, then gives the reason alone.
 */
class ALogThatCannotBeReopenedSaysWhyNotItsPathAgainTest {
  @Test
  void theWarningGivesTheReasonOfAFileStreamsFailure() {
    List<String> warnings = new ArrayList<>();
    LogFailureNotice notice = new LogFailureNotice("l/x.log", warnings::add);
    notice.addStatusEvent(new ErrorStatus("failed to reopen", this,
        new FileNotFoundException("l/x.log (No such file or directory)")));
    assertThat(warnings).containsExactly(
        "crawl: warning: cannot write the log to 'l/x.log': no such file or directory; later log lines may be lost");
  }
}
