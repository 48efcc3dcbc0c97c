package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlpipe.crawler.CrawlControl;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small parts of unattended runs: names, policies, the progress text, statistics, stop handling. */
class UnattendedPartsTest {

  @Test
  void placeholdersExpandToDateTimeAndUnixSeconds() {
    ZonedDateTime at = ZonedDateTime.of(2026, 11, 22, 7, 5, 9, 0, ZoneId.of("Europe/Paris"));
    assertThat(OutputNames.expand("data/r-{date}.jsonl", () -> at)).isEqualTo("data/r-2026-11-22.jsonl");
    assertThat(OutputNames.expand("{date}T{time}-{ts}", () -> at))
        .isEqualTo("2026-11-22T070509-" + at.toEpochSecond());
    assertThat(OutputNames.expand("plain.jsonl", () -> at)).isEqualTo("plain.jsonl");
    assertThat(OutputNames.expand("plain.jsonl", () -> { throw new AssertionError("the time was asked for"); }))
        .as("a name without placeholders needs no time zone").isEqualTo("plain.jsonl");
    assertThat(OutputNames.expand(null, () -> at)).isNull();
    assertThatThrownBy(() -> OutputNames.expand("r-{hour}.jsonl", () -> at)).hasMessageContaining("unknown placeholder {hour}");
  }

  @Test
  void helpListsTheUnattendedOptionsAndEveryExitCode() {
    CliRunner cli = new CliRunner();
    assertThat(cli.run("--help")).isZero();
    assertThat(cli.stdout()).contains("--append", "--resume", "--lock", "--grace", "--max-time", "--fail-on", "--log",
        "--stats", "{date}");
    String codes = cli.stdout().substring(cli.stdout().indexOf("Exit codes:"));
    for (String code : List.of("0", "1", "2", "3", "70", "75", "124", "130", "143")) {
      assertThat(codes).as(code).containsPattern("(?m)^  " + code + " +\\S");
    }
  }

  @Test
  void failOnPoliciesCompareTheFailedFraction() {
    assertThat(FailOn.parse("any").fails(1, 1000)).isTrue();
    assertThat(FailOn.parse("any").fails(0, 1000)).isFalse();
    assertThat(FailOn.parse("none").fails(1000, 1000)).isFalse();
    assertThat(FailOn.parse("ratio:0.2").fails(20, 100)).isFalse();
    assertThat(FailOn.parse("ratio:0.2").fails(21, 100)).isTrue();
    assertThat(FailOn.parse(" RATIO:0 ").fails(1, 100)).isTrue();
    assertThat(FailOn.any()).hasToString("any");
    assertThat(FailOn.parse(" RATIO:0.5 ")).hasToString("ratio:0.5");
    for (String bad : List.of("ratio:1.5", "ratio:x", "ratio:", "all", "", "ratio:0.5f", "ratio:0x1p-1", "ratio:-0",
        "ratio:NaN", "ratio:1e-1", "ratio:+0.5")) {
      assertThatThrownBy(() -> FailOn.parse(bad)).as(bad).hasMessageContaining("is not none, any or ratio:R");
    }
  }

  @Test
  void progressTextShowsDoneTotalRateErrorsAndEta() {
    assertThat(ProgressLine.render(50, 200, 50, 3, 10.0))
        .isEqualTo("crawl: 50/200 URLs (25%), 5.0/s, 3 errors, ETA 0:30");
    assertThat(ProgressLine.render(7, -1, 7, 1, 10.0)).isEqualTo("crawl: 7/? URLs, 0.7/s, 1 error, ETA ?");
    assertThat(ProgressLine.render(1, 10_001, 1, 0, 1.0)).endsWith("ETA 2:46:40");
    assertThat(ProgressLine.render(0, 5, 0, 0, 0)).isEqualTo("crawl: 0/5 URLs (0%), 0.0/s, 0 errors, ETA ?");
  }

  @Test
  void theFirstSignalStopsGracefullyTheSecondAtOnceAndALateDeadlineChangesNothing() {
    CrawlControl control = new CrawlControl(Duration.ofSeconds(5));
    List<String> notices = new ArrayList<>();
    List<StopCause> immediate = new ArrayList<>();
    StopHandler handler = new StopHandler(control, notices::add, immediate::add, () -> 0L);
    handler.accept(StopCause.SIGINT);
    assertThat(control.stopReason()).isEqualTo("SIGINT");
    assertThat(notices).containsExactly("SIGINT: stopping; URLs in flight get 5s to finish (send it again to stop at once)");
    handler.accept(StopCause.DEADLINE);
    assertThat(immediate).isEmpty();
    handler.accept(StopCause.SIGTERM);
    handler.accept(StopCause.SIGTERM);
    assertThat(immediate).containsExactly(StopCause.SIGTERM);
    assertThat(handler.cause()).isEqualTo(StopCause.SIGINT);
  }

  @Test
  void theSameSignalTwiceAtOnceIsOneRequestAsGnuTimeoutSendsIt() {
    CrawlControl control = new CrawlControl(Duration.ofSeconds(5));
    List<StopCause> immediate = new ArrayList<>();
    long[] now = {1_000};
    StopHandler handler = new StopHandler(control, n -> { }, immediate::add, () -> now[0]);
    handler.accept(StopCause.SIGTERM);
    now[0] += StopHandler.REPEAT_WINDOW.toNanos() - 1;
    handler.accept(StopCause.SIGTERM);
    assertThat(immediate).isEmpty();
    assertThat(control.stopReason()).isEqualTo("SIGTERM");
    now[0] += 1;
    handler.accept(StopCause.SIGTERM);
    assertThat(immediate).containsExactly(StopCause.SIGTERM);
  }

  @Test
  void anotherSignalRightAfterTheFirstStillStopsAtOnce() {
    List<StopCause> immediate = new ArrayList<>();
    StopHandler handler = new StopHandler(new CrawlControl(Duration.ofSeconds(5)), n -> { }, immediate::add, () -> 0L);
    handler.accept(StopCause.SIGTERM);
    handler.accept(StopCause.SIGINT);
    assertThat(immediate).containsExactly(StopCause.SIGINT);
  }

  @Test
  void aDeadlineFirstIsTheCauseAndASignalAfterItStopsAtOnce() {
    CrawlControl control = new CrawlControl(Duration.ZERO);
    List<StopCause> immediate = new ArrayList<>();
    StopHandler handler = new StopHandler(control, n -> { }, immediate::add, () -> 0L);
    handler.accept(StopCause.DEADLINE);
    assertThat(control.stopReason()).isEqualTo("--max-time");
    handler.accept(StopCause.SIGTERM);
    assertThat(immediate).containsExactly(StopCause.SIGTERM);
    assertThat(handler.cause()).isEqualTo(StopCause.DEADLINE);
  }
}
