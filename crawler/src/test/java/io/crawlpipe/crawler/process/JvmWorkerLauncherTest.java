package io.crawlpipe.crawler.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JvmWorkerLauncherTest {

  @Test
  void workersGetTheParentsLastAotCacheAndItsReplaySetting() {
    List<String> parent = List.of("-XX:+UseSerialGC", "-XX:AOTCache=old.aot", "-XX:AOTCache=crawlpipe.aot",
        "-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTReplayTraining", "-Xmx1g");

    assertThat(JvmWorkerLauncher.aotOptions(parent))
        .containsExactly("-XX:AOTCache=crawlpipe.aot", "-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTReplayTraining");
    assertThat(JvmWorkerLauncher.aotOptions(List.of("-XX:AOTCache=crawlpipe.aot")))
        .containsExactly("-XX:AOTCache=crawlpipe.aot");
  }

  @Test
  void aParentWithoutACacheGivesItsWorkersNoAotOptions() {
    assertThat(JvmWorkerLauncher.aotOptions(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTReplayTraining")))
        .isEmpty();
  }

  @Test
  void theWorkerCommandCarriesTheGivenOptionsBeforeItsClassPath() {
    List<String> command = JvmWorkerLauncher.command("/jdk/bin/java", "app.jar",
        List.of("-XX:AOTCache=crawlpipe.aot"), 128L << 20, false);

    assertThat(command).startsWith("/jdk/bin/java", "-Xmx128m")
        .containsSubsequence("-XX:AOTCache=crawlpipe.aot", "-cp", "app.jar", JvmWorkerLauncher.MAIN_CLASS, "worker")
        .doesNotContain("-v");
  }
}
