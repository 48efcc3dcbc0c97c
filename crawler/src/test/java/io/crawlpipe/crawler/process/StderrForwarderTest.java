package io.crawlpipe.crawler.process;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class StderrForwarderTest {
  private final Logger forwardedTo = (Logger) LoggerFactory.getLogger("io.crawlpipe.crawler.process.worker");
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();
  private Level level;

  @BeforeEach
  void capture() {
    level = forwardedTo.getLevel();
    forwardedTo.setLevel(Level.DEBUG);
    events.start();
    forwardedTo.addAppender(events);
  }

  @AfterEach
  void detach() {
    forwardedTo.detachAppender(events);
    forwardedTo.setLevel(level);
  }

  /** What was logged so far, as "LEVEL message". */
  private List<String> logged() {
    synchronized (events) {
      return events.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }
  }

  private static StderrForwarder forwarded(String stderr) {
    StderrForwarder forwarder = new StderrForwarder(new ByteArrayInputStream(stderr.getBytes(StandardCharsets.UTF_8)), 1, 42);
    forwarder.run(); // reads to the end of the stream
    return forwarder;
  }

  @Test
  void firstWordsAreTheFirstTwoLinesThatSaySomethingWithoutTheirLevel() {
    assertThat(forwarded("SLF4J(W): No SLF4J providers were found.\n"
        + "Picked up JAVA_TOOL_OPTIONS: -Dproxy.password=hunter2\n"
        + "NOTE: Picked up JDK_JAVA_OPTIONS: -Dkey=secret\n\n"
        + "Error occurred during initialization of VM\n"
        + "Could not reserve enough space for 1048576000000KB object heap\n"
        + "a third line\n").firstWords())
        .isEqualTo("Error occurred during initialization of VM; Could not reserve enough space for 1048576000000KB"
            + " object heap");
    assertThat(forwarded("ERROR unusable settings in the parent's hello; exiting\n").firstWords())
        .isEqualTo("unusable settings in the parent's hello; exiting");
    assertThat(forwarded("").firstWords()).isNull();
  }

  @Test
  void firstWordsAreCutAt300Characters() {
    assertThat(forwarded("x".repeat(400) + "\n").firstWords()).isEqualTo("x".repeat(300) + "…");
  }

  @Test
  void theJvmsEchoOfItsOptionsWhichMayHoldASecretIsLoggedAtDebugNotWarn() {
    StderrForwarder forwarder = forwarded("Picked up JAVA_TOOL_OPTIONS: -Dx.secret=hunter2\n"
        + "NOTE: Picked up JDK_JAVA_OPTIONS: -Dkey=secret\n");
    forwarder.release();

    assertThat(logged()).containsExactly("DEBUG worker 1 pid=42: Picked up JAVA_TOOL_OPTIONS: -Dx.secret=hunter2",
        "DEBUG worker 1 pid=42: NOTE: Picked up JDK_JAVA_OPTIONS: -Dkey=secret");
  }

  @Test
  void aColourSequenceInALineWithoutALevelIsLoggedEscaped() {
    StderrForwarder forwarder = forwarded("Picked up JAVA_TOOL_OPTIONS: -Dx=\033[31mRED\033[0m\n"
        + "a JVM line \033[31mred\n" + "INFO the worker's own log, escaped by the worker: \\u001b\n");
    forwarder.release();

    assertThat(logged()).containsExactly("DEBUG worker 1 pid=42: Picked up JAVA_TOOL_OPTIONS: -Dx=\\u001b[31mRED\\u001b[0m",
        "INFO worker 1 pid=42: the worker's own log, escaped by the worker: \\u001b",
        "WARN worker 1 pid=42: a JVM line \\u001b[31mred");
    assertThat(forwarder.firstWords()).as("escaped where it is shown").startsWith("a JVM line \033[31mred; ");
  }

  @Test
  void aStackTracesTabIndentIsLoggedAsASpaceNotEscaped() {
    StderrForwarder forwarder = forwarded("Exception in thread \"main\" java.lang.IllegalStateException: x\n"
        + "\tat a.B.c(B.java:1)\n");
    forwarder.release();

    assertThat(logged()).containsExactly("WARN worker 1 pid=42: Exception in thread \"main\" java.lang.IllegalStateException: x",
        "WARN worker 1 pid=42:  at a.B.c(B.java:1)");
  }

  @Test
  void linesWithoutALevelAreHeldUntilTheHelloAndLoggedAtWarnThen() {
    StderrForwarder forwarder = forwarded("OpenJDK 64-Bit Server VM warning: something\nINFO worker up\n");
    assertThat(logged()).containsExactly("INFO worker 1 pid=42: worker up");

    forwarder.release();
    forwarder.endHold(org.slf4j.event.Level.DEBUG);  // no effect after the release

    assertThat(logged()).containsExactly("INFO worker 1 pid=42: worker up",
        "WARN worker 1 pid=42: OpenJDK 64-Bit Server VM warning: something");
  }

  @Test
  void aWorkerThatNeverSaidHelloHasItsLastWordsLoggedAtTheLevelItsEndAsks() {
    StderrForwarder forwarder = forwarded("Error occurred during initialization of VM\n"
        + "Could not reserve enough space for object heap\n");

    forwarder.endHold(org.slf4j.event.Level.DEBUG);  // the start failure's one line named them

    assertThat(logged()).containsExactly("DEBUG worker 1 pid=42: Error occurred during initialization of VM",
        "DEBUG worker 1 pid=42: Could not reserve enough space for object heap");
  }
}
