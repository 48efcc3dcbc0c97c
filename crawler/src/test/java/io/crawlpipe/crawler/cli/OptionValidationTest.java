package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlpipe.crawler.DurationText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.TypeConversionException;

/** Bad option values: one line naming the option as typed, exit 2, nothing crawled. */
@Timeout(30)
class OptionValidationTest {
  @TempDir Path dir;
  private Path urls;

  @BeforeEach
  void list() throws IOException {
    // Never fetched: every run here fails before crawling (port 1 would refuse anyway).
    urls = Files.write(dir.resolve("urls.txt"), List.of("http://127.0.0.1:1/"));
  }

  private String rejected(String... options) {
    CliRunner cli = new CliRunner();
    String[] args = new String[options.length + 3];
    System.arraycopy(options, 0, args, 0, options.length);
    args[options.length] = "--out";
    args[options.length + 1] = dir.resolve("r.jsonl").toString();
    args[options.length + 2] = urls.toString();
    assertThat(cli.run(args)).as("exit code of %s", List.of(options)).isEqualTo(2);
    assertThat(dir.resolve("r.jsonl")).doesNotExist();
    return cli.stderr().strip();
  }

  @Test
  void durationsAboveAYearAreRejectedInsteadOfOverflowing() {
    assertThat(rejected("--delay", "99999999999h").lines()).singleElement().asString()
        .contains("'99999999999h' is too long (at most 366d)");
    assertThat(rejected("--max-time", "99999999999h").lines()).singleElement().asString()
        .contains("'99999999999h' is too long (at most 366d)");
    assertThat(rejected("--timeout", "99999999999h").lines()).singleElement().asString()
        .contains("--timeout").contains("too long");
    assertThatThrownBy(() -> Durations.parse("367d")).isInstanceOf(TypeConversionException.class);
    assertThat(Durations.parse("366d")).isEqualTo(Duration.ofDays(366));
  }

  @Test
  void aBareNumberOfSecondsThatLooksLikeMillisecondsIsNamedInBothUnits() throws IOException {
    Path invalid = Files.write(dir.resolve("invalid.txt"), List.of("not a url"));  // nothing fetched
    CliRunner cli = new CliRunner();
    assertThat(cli.run("--delay", "500", "--timeout", "30000", "--retry-backoff", "2", "--out",
        dir.resolve("w.jsonl").toString(), invalid.toString())).isEqualTo(1);
    assertThat(cli.stderr().lines().filter(l -> l.startsWith("crawl: warning:"))).containsExactly(
        "crawl: warning: --delay 500 is 500 seconds (8 min 20 s); for milliseconds write 500ms",
        "crawl: warning: --timeout 30000 is 30000 seconds (8 h 20 min); for milliseconds write 30000ms");

    CliRunner meant = new CliRunner();
    assertThat(meant.run("--delay", "500s", "--timeout", "600", "--out", dir.resolve("m.jsonl").toString(),
        invalid.toString())).isEqualTo(1);
    assertThat(meant.stderr()).doesNotContain("warning");
  }

  @Test
  void anUnknownClientOrAUserAgentThatIsNotPrintableAsciiIsRejected() {
    assertThat(rejected("--client", "curl").lines()).singleElement().asString()
        .contains("--client").contains("unknown client 'curl' (expected http1 or okhttp)");
    assertThat(rejected("--user-agent", "bot\r\nX-Injected: 1").lines()).singleElement().asString()
        .contains("--user-agent").contains("contains a control character");
    assertThat(rejected("--user-agent", "Crawlé/1.0").lines()).singleElement().asString()
        .isEqualTo("crawl: invalid option --user-agent: contains 'é' (U+00E9): header values are ASCII");
  }

  @Test
  void aHeaderThatIsNotNameColonValueOrThatCrawlpipeSetsItselfIsRejected() {
    assertThat(rejected("-H", "Accept-Language de").lines()).singleElement().asString()
        .isEqualTo("crawl: invalid option --header: 'Accept-Language' has no ':' before its value (write NAME: VALUE)");
    assertThat(rejected("--header", "User-Agent: x").lines()).singleElement().asString()
        .isEqualTo("crawl: invalid option --header: User-Agent is refused: use --user-agent, which robots.txt is"
            + " matched against");
    assertThat(rejected("-H", "cookie: session=1").lines()).singleElement().asString()
        .contains("cookie is refused").contains("crawlpipe sends no credentials");
    assertThat(rejected("-H", "X-Note: a\nb").lines()).singleElement().asString()
        .isEqualTo("crawl: invalid option --header: X-Note's value contains a control character");
  }

  @Test
  void aProxyThatIsNotAnHttpProxyUrlIsRejectedWithoutItsPassword() {
    assertThat(rejected("--proxy", "socks5://proxy.test:1080").lines()).singleElement().asString()
        .contains("--proxy").contains("only http:// proxies are supported");
    assertThat(rejected("--proxy", "http://user:hunter2@proxy.test:3128/path").lines()).singleElement().asString()
        .contains("--proxy").contains("a proxy URL has no path").doesNotContain("hunter2");
    assertThat(rejected("--proxy", "http://127.0.0.1:99999")).isEqualTo(
        "crawl: invalid option --proxy: not a proxy URL: port must be 1..65535, was 99999");
  }

  @Test
  void aDayUnitIsAcceptedAndFormatted() {
    assertThat(Durations.parse("2d")).isEqualTo(Duration.ofDays(2));
    assertThat(DurationText.format(Duration.ofDays(2))).isEqualTo("2d");
    assertThat(DurationText.format(Duration.ofHours(25))).isEqualTo("25h");
  }

  @Test
  void everyNumericAndDurationOptionIsCheckedUnderItsOwnNameInTheFormTyped() {
    assertThat(rejected("--concurrency", "0")).isEqualTo("crawl: invalid option --concurrency: must be >= 1, was 0");
    assertThat(rejected("--max-bytes", "0")).isEqualTo("crawl: invalid option --max-bytes: must be >= 1, was 0");
    assertThat(rejected("--max-bytes", "2g")).isEqualTo("crawl: invalid option --max-bytes: must be at most 1g, was 2g");
    assertThat(rejected("--max-bytes", "1025m")).isEqualTo("crawl: invalid option --max-bytes: must be at most 1g, was 1025m");
    assertThat(rejected("--max-bytes", "99999999999999999999")).contains("'99999999999999999999' is too large");
    assertThat(rejected("--max-redirects", "-1")).isEqualTo("crawl: invalid option --max-redirects: must be >= 0, was -1");
    assertThat(rejected("--per-host", "0")).isEqualTo("crawl: invalid option --per-host: must be >= 1, was 0");
    assertThat(rejected("--retries", "-2")).isEqualTo("crawl: invalid option --retries: must be >= 0, was -2");
    assertThat(rejected("--retry-backoff", "2m", "--max-retry-wait", "30s"))
        .isEqualTo("crawl: invalid option --max-retry-wait: must be >= --retry-backoff (2m), was 30s");
    assertThat(rejected("--breaker-failures", "-1"))
        .isEqualTo("crawl: invalid option --breaker-failures: must be >= 0, was -1");
    assertThat(rejected("--breaker-failures", "101"))
        .isEqualTo("crawl: invalid option --breaker-failures: must be at most 100, was 101");
    assertThat(rejected("--breaker-cooldown", "0"))
        .isEqualTo("crawl: invalid option --breaker-cooldown: must be > 0, was 0s");
    assertThat(rejected("--timeout", "0ms")).isEqualTo("crawl: invalid option --timeout: must be > 0, was 0s");
    assertThat(rejected("--max-time", "0")).isEqualTo("crawl: invalid option --max-time: must be > 0, was 0s");
    assertThat(rejected("--workers", "0")).isEqualTo("crawl: invalid option --workers: must be 1..256, was 0");
    assertThat(rejected("--worker-heap", "1m")).isEqualTo("crawl: invalid option --worker-heap: must be >= 16m, was 1m");
    assertThat(rejected("--max-tasks-per-worker", "-1"))
        .isEqualTo("crawl: invalid option --max-tasks-per-worker: must be >= 0, was -1");
    assertThat(rejected("--user-agent", " ")).isEqualTo("crawl: invalid option --user-agent: must not be blank");
  }

  @Test
  void aNumberOutOfItsOptionsRangeSaysTheLimitInsteadOfNotANumber() throws Exception {
    assertThat(rejected("--concurrency", "99999999999"))
        .isEqualTo("crawl: invalid option --concurrency: '99999999999' is too large (at most 2147483647)");
    assertThat(rejected("--max-redirects", "-99999999999"))
        .isEqualTo("crawl: invalid option --max-redirects: '-99999999999' is too small (at least 0)");
    assertThat(rejected("--concurrency", "-99999999999"))
        .isEqualTo("crawl: invalid option --concurrency: '-99999999999' is too small (at least 1)");
    assertThat(rejected("--per-host", "-2147483649")).isEqualTo("crawl: invalid option --per-host: '-2147483649' is too small (at least 1)");
    assertThat(rejected("--retries", "-2147483649")).isEqualTo("crawl: invalid option --retries: '-2147483649' is too small (at least 0)");
    assertThat(rejected("--max-tasks-per-worker", "-2147483649"))
        .isEqualTo("crawl: invalid option --max-tasks-per-worker: '-2147483649' is too small (at least 0)");
    assertThat(rejected("--retries", "1e3")).isEqualTo("crawl: invalid option --retries: '1e3' is not an int");
    assertThat(WholeNumbers.LONG.convert("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    assertThatThrownBy(() -> WholeNumbers.LONG.convert("9223372036854775808"))
        .hasMessage("'9223372036854775808' is too large (at most 9223372036854775807)");
  }

  @Test
  void aSizeBeyondWhatALongHoldsSaysTheOptionsLargestValue() {
    assertThat(rejected("--max-bytes", "99999999999999999999"))
        .isEqualTo("crawl: invalid option --max-bytes: '99999999999999999999' is too large (at most 1g)");
    assertThat(rejected("--max-bytes", "9999999999g"))
        .isEqualTo("crawl: invalid option --max-bytes: '9999999999g' is too large (at most 1g)");
    assertThat(rejected("--worker-heap", "9999999999999g"))
        .isEqualTo("crawl: invalid option --worker-heap: '9999999999999g' is too large (at most 4096g)");
  }

  @Test
  void aWorkerHeapAboveTheLaunchersCapOrABareNumberOfBytesIsRefusedSayingSo() {
    assertThat(rejected("--worker-heap", "100000g"))
        .isEqualTo("crawl: invalid option --worker-heap: must be at most 4096g, was 100000g");
    assertThat(rejected("--worker-heap", "512"))
        .isEqualTo("crawl: invalid option --worker-heap: must be >= 16m, was 512 (bytes: a size without a unit is in"
            + " bytes; 512m?)");
    assertThat(rejected("--worker-heap", "8"))
        .isEqualTo("crawl: invalid option --worker-heap: must be >= 16m, was 8 (bytes: a size without a unit is in bytes)");
  }

  @Test
  void aNumberBeyondTheIntRangeOfAnOptionWithARangeOfItsOwnSaysThatRange() {
    assertThat(rejected("--workers", "99999999999"))
        .isEqualTo("crawl: invalid option --workers: '99999999999' is too large (at most 256)");
    assertThat(rejected("--workers", "-2147483649"))
        .isEqualTo("crawl: invalid option --workers: '-2147483649' is too small (at least 1)");
    assertThat(rejected("--workers", "257")).isEqualTo("crawl: invalid option --workers: must be 1..256, was 257");
    assertThat(rejected("--breaker-failures", "2147483648"))
        .isEqualTo("crawl: invalid option --breaker-failures: '2147483648' is too large (at most 100)");
  }

  @Test
  void aDurationShorterThanAMillisecondIsRefusedRatherThanTakenAsZero() {
    assertThat(rejected("--timeout", "0.0001"))
        .isEqualTo("crawl: invalid option --timeout: '0.0001' is shorter than 1ms (durations count whole milliseconds)");
    assertThat(rejected("--timeout", "0.4ms")).contains("'0.4ms' is shorter than 1ms");
    assertThat(rejected("--delay", "0.4ms")).contains("--delay: '0.4ms' is shorter than 1ms");
    assertThat(Durations.parse("0.5ms")).isEqualTo(Duration.ofMillis(1));
    assertThat(Durations.parse("0")).isEqualTo(Duration.ZERO);
  }

  @Test
  void negativeDurationsCannotBeTypedAtAll() {
    assertThat(rejected("--delay", "-1s")).contains("--delay");
    assertThat(rejected("--grace", "-5s")).contains("--grace");
  }

  @Test
  void helpNamesTheDefaultModeAsTypedAndHidesTheInternalSubcommands() {
    CliRunner cli = new CliRunner();
    assertThat(cli.run("--help")).isZero();
    String help = cli.stdout();
    assertThat(help).contains("Default: virtual.").doesNotContain("VIRTUAL", "[COMMAND]", "aot-train", "Commands:");
    String synopsis = help.substring(0, help.indexOf("Crawls a list")).strip();
    assertThat(synopsis).startsWith("Usage: crawl [").endsWith("[URL_FILE]");
  }

  @Test
  void helpStatesTheLimitsWhereVerboseLogsTheProxyDefaultTheEnvironmentAndWhereTheDocsAre() {
    CliRunner cli = new CliRunner();
    assertThat(cli.run("--help")).isZero();
    String help = cli.stdout().replaceAll("\\s+", " ");
    assertThat(help).contains("On SIGINT, SIGTERM, SIGHUP or --max-time", "to the log: stderr unless --log",
        "10m), at most 1g.", "0 disables; at most 100.", "matched in robots.txt",
        "Default: the environment's http_proxy, https_proxy, all_proxy and no_proxy",
        "2 usage or input error", "also: the URL list could not be read to its end",
        "CRAWLPIPE_HEAP", "CRAWLPIPE_JAVA_OPTS", "CRAWLPIPE_NO_AOT=1", "@FILE read more arguments from FILE",
        "Documentation: README.md and docs/");
  }
}
