package io.crawlpipe.crawler.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLogger;
import org.slf4j.helpers.SubstituteLogger;
import org.junit.jupiter.api.io.TempDir;

class JvmWorkerLauncherTest {

  @Test
  void aLoggerHandedOutWhileSlf4jInitialisesDoesNotMakeVerboseWorkers() {
    SubstituteLogger initialising = new SubstituteLogger("io.crawlpipe", new ArrayDeque<>(), false);
    assertThat(initialising.isDebugEnabled()).as("what SLF4J's substitute says").isTrue();
    assertThat(JvmWorkerLauncher.debugLogging(initialising)).isFalse();

    initialising.setDelegate(NOPLogger.NOP_LOGGER);
    assertThat(JvmWorkerLauncher.debugLogging(initialising)).isFalse();
    SubstituteLogger debugging = new SubstituteLogger("io.crawlpipe", new ArrayDeque<>(), false);
    debugging.setDelegate(new SubstituteLogger("delegate", new ArrayDeque<>(), false));
    assertThat(JvmWorkerLauncher.debugLogging(debugging)).as("a delegate that logs at DEBUG").isTrue();
  }

  @Test
  void workersGetTheParentsLastAotCacheAndItsReplaySetting() {
    List<String> parent = List.of("-XX:+UseSerialGC", "-XX:AOTCache=old.aot", "-XX:AOTCache=crawlpipe.aot",
        "-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTReplayTraining", "-Xmx1g");

    assertThat(JvmWorkerLauncher.aotOptions(parent))
        .containsExactly("-XX:AOTCache=crawlpipe.aot", JvmWorkerLauncher.QUIET_AOT,
            "-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTReplayTraining");
    assertThat(JvmWorkerLauncher.aotOptions(List.of("-XX:AOTCache=crawlpipe.aot")))
        .containsExactly("-XX:AOTCache=crawlpipe.aot", JvmWorkerLauncher.QUIET_AOT);
  }

  @Test
  void aWorkerWhoseAotCacheIsGoneStartsWithoutLoggingAboutIt(@TempDir Path dir) throws Exception {
    List<String> options = JvmWorkerLauncher.aotOptions(List.of("-XX:AOTCache=" + dir.resolve("removed.aot")));
    List<String> command = new ArrayList<>(JvmWorkerLauncher.command(JvmWorkerLauncher.javaBinary(), "unused.jar",
        options, 64L << 20, List.of()));
    command.subList(command.indexOf("-cp"), command.size()).clear();
    command.add("-version"); // the JVM maps its cache first, so this is enough to see what it says of it

    Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(java.waitFor()).as(output).isZero();
    assertThat(output).contains("version").doesNotContain("[aot]");
  }

  @Test
  void aParentWithoutACacheGivesItsWorkersNoAotOptions() {
    assertThat(JvmWorkerLauncher.aotOptions(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTReplayTraining")))
        .isEmpty();
  }

  @Test
  void workersUseHugePagesExactlyWhenTheParentEndedUpWithThem() {
    assertThat(JvmWorkerLauncher.hugePageOptions(List.of("-XX:+UseSerialGC", "-XX:+UseTransparentHugePages")))
        .containsExactly(JvmWorkerLauncher.HUGE_PAGES);
    assertThat(JvmWorkerLauncher.hugePageOptions(List.of("-XX:+UseTransparentHugePages", "-XX:-UseTransparentHugePages")))
        .isEmpty();
    assertThat(JvmWorkerLauncher.hugePageOptions(List.of("-XX:+UseSerialGC", "-XX:AOTCache=crawlpipe.aot"))).isEmpty();
  }

  @Test
  void theWorkerCommandCarriesTheGivenOptionsBeforeItsClassPath() {
    List<String> command = JvmWorkerLauncher.command("/jdk/bin/java", "app.jar",
        List.of("-XX:AOTCache=crawlpipe.aot"), 128L << 20, List.of(Worker.NO_TLS_WARM_UP));

    assertThat(command).startsWith("/jdk/bin/java", "-Xmx128m")
        .containsSubsequence("-XX:AOTCache=crawlpipe.aot", "-cp", "app.jar", JvmWorkerLauncher.MAIN_CLASS, "worker")
        .endsWith("worker", Worker.NO_TLS_WARM_UP)
        .doesNotContain("-v");
  }
}
