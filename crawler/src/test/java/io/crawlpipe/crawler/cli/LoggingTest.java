package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class LoggingTest {
  /**
   * A program that embeds crawlpipe with another SLF4J backend (or none) starts process-mode
   * workers on its own class path, with {@code -v} when its log is at DEBUG.
   */
  @Test
  @Timeout(60)
  void aVerboseWorkerStartsOnAClassPathWithoutLogback() throws IOException, InterruptedException {
    String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.contains("logback")).collect(Collectors.joining(File.pathSeparator));
    List<String> command = List.of(ProcessHandle.current().info().command().orElseThrow(), "-XX:TieredStopAtLevel=1",
        "-cp", classPath, Main.class.getName(), "worker", "-v");
    Process worker = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
    String stdout = new String(worker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String stderr = new String(worker.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(worker.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(stderr).doesNotContain("NoClassDefFoundError");
    assertThat(stdout).as("its hello, answering a parent that said nothing").contains("\"hello\"");
    assertThat(worker.exitValue()).as("no parent hello").isEqualTo(2);
  }
}
