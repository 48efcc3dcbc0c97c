package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.Conditions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crawl aot-train --work-dir D} stopped by SIGTERM while it trains exits as the JVM does
 * (143) and removes its {@code D/crawlpipe-aot-*} directory, as a run that ends does: it leaves no
 * files behind. Runs the command in a JVM of its own, which the test signals.
 */
@Timeout(120)
class AStoppedTrainingLeavesNoFilesBehindTest {
  @TempDir Path dir;
  private Process training;

  @AfterEach
  void stopTheTraining() {
    if (training != null) training.destroyForcibly();
  }

  @Test
  void sigtermWhileTrainingRemovesTheTrainingsDirectory() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    training = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "aot-train", "--work-dir", dir.toString()))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    Conditions.await(() -> trainingFileIn(dir) || !training.isAlive());
    assertThat(training.isAlive()).as("training still running once its list is written").isTrue();

    training.destroy(); // SIGTERM
    assertThat(training.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(training.exitValue()).isEqualTo(143);
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }

  /** Whether the training's URL list is written in its directory under {@code dir}: it is crawling. */
  private static boolean trainingFileIn(Path dir) {
    try (Stream<Path> children = Files.list(dir)) {
      return children.anyMatch(child -> Files.exists(child.resolve("urls.txt")));
    } catch (IOException e) {
      return false;
    }
  }
}
