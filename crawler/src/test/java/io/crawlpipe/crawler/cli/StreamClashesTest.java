package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The results must not share a file with a standard stream through a second open file description
 * ({@link StreamClashes}); the streams are pointed at test files through an injected {@link
 * StreamFiles}, as {@code > f} and {@code 2> f} would point them.
 */
class StreamClashesTest {
  @TempDir Path dir;
  private Path cronLog;

  @BeforeEach
  void createTheFileTheStreamsAreRedirectedTo() throws IOException {
    cronLog = Files.writeString(dir.resolve("cron.log"), "");
  }

  @Test
  void resultsOnStdoutRefuseALockLogOrStatsFileThatStdoutIsOpenOn() throws IOException {
    StreamFiles stdoutToLog = stream -> stream == StandardStream.STDOUT ? cronLog : null;
    String where = "' is the file standard output is open on, where --out - writes the results; they must differ";
    assertThatThrownBy(() -> names("-", null, cronLog, null, stdoutToLog)).hasMessage("--log '" + cronLog + where);
    assertThatThrownBy(() -> names("-", null, null, cronLog, stdoutToLog)).hasMessage("--stats '" + cronLog + where);
    Path hardLink = Files.createLink(dir.resolve("same.log"), cronLog);
    assertThatThrownBy(() -> names("-", null, hardLink, null, stdoutToLog)).hasMessage("--log '" + hardLink + where);
    assertThatThrownBy(() -> names("/dev/stdout", cronLog, null, null, stdoutToLog)).hasMessage("--lock '" + cronLog
        + "' is the file standard output is open on, where --out '/dev/stdout' writes the results; they must differ");
  }

  @Test
  void resultsOnStderrRefuseALogFileThatStderrIsOpenOn() {
    StreamFiles stderrToLog = stream -> stream == StandardStream.STDERR ? cronLog : null;
    assertThatThrownBy(() -> names("/proc/self/fd/2", null, cronLog, null, stderrToLog)).hasMessage("--log '"
        + cronLog + "' is the file standard error is open on, where --out '/proc/self/fd/2' writes the results; "
        + "they must differ");
  }

  @Test
  void aResultsFileThatStderrIsOpenOnIsRefused() {
    StreamFiles stderrToResults = stream -> stream == StandardStream.STDERR ? cronLog : null;
    assertThatThrownBy(() -> names(cronLog.toString(), null, null, null, stderrToResults)).hasMessage("--out '"
        + cronLog + "' is the file standard error is open on, where the summary and warnings go; they must differ");
  }

  @Test
  void aResultsFileThatStdoutIsOpenOnIsRefusedOnlyWhenTheLogOrStatsWriteStdout() {
    StreamFiles stdoutToResults = stream -> stream == StandardStream.STDOUT ? cronLog : null;
    assertThatCode(() -> names(cronLog.toString(), null, null, null, stdoutToResults)).doesNotThrowAnyException();
    assertThatThrownBy(() -> names(cronLog.toString(), null, Path.of("/dev/stdout"), null, stdoutToResults))
        .hasMessage("--out '" + cronLog + "' is the file standard output is open on, where --log '/dev/stdout' writes; "
            + "they must differ");
    assertThatThrownBy(() -> names(cronLog.toString(), null, null, Path.of("/dev/fd/1"), stdoutToResults))
        .hasMessageContaining("where --stats '/dev/fd/1' writes");
  }

  @Test
  void bothStreamsRedirectedToOneFileIsTheCronSetupAndNoClash() {
    StreamFiles both = stream -> cronLog;
    assertThatCode(() -> names("-", null, Path.of("/dev/stderr"), null, both)).doesNotThrowAnyException();
    assertThatCode(() -> names("/dev/stdout", null, null, Path.of("/dev/stderr"), both)).doesNotThrowAnyException();
    assertThatCode(() -> names("-", null, dir.resolve("other.log"), dir.resolve("s.json"), both))
        .doesNotThrowAnyException();
  }

  @Test
  void devNullMayBeSharedWithTheStreams() {
    StreamFiles toDevNull = stream -> Path.of("/dev/null");
    assertThatCode(() -> names("-", null, Path.of("/dev/null"), Path.of("/dev/null"), toDevNull))
        .doesNotThrowAnyException();
    assertThatCode(() -> names("/dev/null", null, null, null, toDevNull)).doesNotThrowAnyException();
  }

  @Test
  void whereTheStreamsCannotBeToldOrAreClosedOnlyNamesAreCompared() {
    assertThatCode(() -> names("-", null, cronLog, null, stream -> null)).doesNotThrowAnyException();
    Path closed = dir.resolve("no-such-descriptor");
    assertThatCode(() -> names("-", null, cronLog, null, stream -> closed)).doesNotThrowAnyException();
    assertThatThrownBy(() -> names("-", null, Path.of("/dev/fd/1"), null, stream -> null))
        .hasMessage("--log '/dev/fd/1' is standard output, where --out - writes the results; they must differ");
  }

  @Test
  void aUrlListThatAStreamTheRunWritesIsOpenOnIsRefused() throws IOException {
    Path list = Files.writeString(dir.resolve("l5.txt"), "http://127.0.0.1:9/\n");
    Path out = dir.resolve("r.jsonl");
    StreamFiles stdoutToList = stream -> stream == StandardStream.STDOUT ? list : null;
    String refused = "' is the file standard output is open on, where --out - writes the results; refusing to write"
        + " into the list";
    assertThatThrownBy(() -> names("-", null, null, null, stdoutToList).checkNotUrlFile(list.toString(), stdoutToList))
        .hasMessage("the URL file '" + list + refused);
    Path hardLink = Files.createLink(dir.resolve("same.txt"), list);
    assertThatThrownBy(() -> names("-", null, null, null, stdoutToList).checkNotUrlFile(hardLink.toString(), stdoutToList))
        .hasMessage("the URL file '" + hardLink + refused);
    assertThatThrownBy(() -> names(out.toString(), null, Path.of("/dev/stdout"), null, stdoutToList)
        .checkNotUrlFile(list.toString(), stdoutToList)).hasMessageContaining("where --log '/dev/stdout' writes;");
    StreamFiles stderrToList = stream -> stream == StandardStream.STDERR ? list : null;
    assertThatThrownBy(() -> names(out.toString(), null, null, null, stderrToList).checkNotUrlFile(list.toString(),
        stderrToList)).hasMessage("the URL file '" + list + "' is the file standard error is open on, where the summary"
            + " and warnings go; refusing to write into the list");
  }

  @Test
  void aUrlListThatOnlyAStreamTheRunLeavesAloneIsOpenOnIsNoClash() throws IOException {
    Path list = Files.writeString(dir.resolve("l5.txt"), "http://127.0.0.1:9/\n");
    StreamFiles stdoutToList = stream -> stream == StandardStream.STDOUT ? list : null;
    assertThatCode(() -> names(dir.resolve("r.jsonl").toString(), null, null, null, stdoutToList)
        .checkNotUrlFile(list.toString(), stdoutToList)).doesNotThrowAnyException();
    StreamFiles toDevNull = stream -> Path.of("/dev/null");
    assertThatCode(() -> names("-", null, null, null, toDevNull).checkNotUrlFile("/dev/null", toDevNull))
        .doesNotThrowAnyException();
  }

  @Test
  void theSystemAnswerIsTheProcfsLinkOnLinuxAndNothingElsewhere() {
    Path answer = StreamFiles.system().fileOf(StandardStream.STDERR);
    if (Files.isDirectory(Path.of("/proc/self/fd"))) {
      assertThat(answer).isEqualTo(Path.of("/proc/self/fd/2"));
    } else {
      assertThat(answer).isNull();
    }
  }

  /** The names of a run with these options; paths may be null for options not given. */
  private static RunNames names(String out, Path lock, Path log, Path stats, StreamFiles streams) {
    RunSettings settings = new RunSettings(false, false, string(lock), Duration.ofSeconds(5), null, FailOn.any(),
        string(log), string(stats));
    return RunNames.of(new RunRequest("urls.txt", false, out, false, settings, null, List.of()), ZonedDateTime::now, streams);
  }

  private static String string(Path path) {
    return path == null ? null : path.toString();
  }
}
