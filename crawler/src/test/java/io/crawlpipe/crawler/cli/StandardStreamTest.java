package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which paths name the run's own standard output or error: decided by name, the same on every OS. */
class StandardStreamTest {
  @TempDir Path dir;

  @Test
  void everyNameOfDescriptorOneIsStandardOutput() {
    long pid = ProcessHandle.current().pid();
    for (String name : new String[] {"/dev/stdout", "/dev/fd/1", "/proc/self/fd/1", "/proc/thread-self/fd/1",
        "/proc/" + pid + "/fd/1", "/dev/./stdout", "/dev/fd/../fd/1"}) {
      assertThat(StandardStream.of(Path.of(name))).as(name).isEqualTo(StandardStream.STDOUT);
    }
  }

  @Test
  void everyNameOfDescriptorTwoIsStandardError() {
    long pid = ProcessHandle.current().pid();
    for (String name : new String[] {"/dev/stderr", "/dev/fd/2", "/proc/self/fd/2", "/proc/" + pid + "/fd/2"}) {
      assertThat(StandardStream.of(Path.of(name))).as(name).isEqualTo(StandardStream.STDERR);
    }
  }

  @Test
  void otherDescriptorsOtherProcessesAndFilesAreNoStandardStream() {
    long other = ProcessHandle.current().pid() + 1;
    for (String name : new String[] {"/dev/fd/0", "/dev/fd/3", "/proc/self/fd/11", "/proc/" + other + "/fd/1",
        "/dev/null", "/dev/stdin", "stdout", "/tmp/dev/stdout", "/dev/fd/1/x"}) {
      assertThat(StandardStream.of(Path.of(name))).as(name).isNull();
    }
    assertThat(StandardStream.of(null)).isNull();
  }

  @Test
  void aChainOfLinksEndingAtDevStdoutIsStandardOutput() throws IOException {
    Path last = Files.createSymbolicLink(dir.resolve("last"), Path.of("/dev/stdout"));
    Path first = Files.createSymbolicLink(dir.resolve("first"), Path.of("last"));
    Path followed = OutputTargets.followLinks(first);
    assertThat(followed).isEqualTo(Path.of("/dev/stdout"));
    assertThat(StandardStream.of(followed)).isEqualTo(StandardStream.STDOUT);
    assertThat(StandardStream.of(first)).as("before following").isNull();
  }

  @Test
  void eachStreamPicksItsOwnPrintStreamAndIsLabelledForTheSummary() {
    assertThat(StandardStream.STDOUT.pick(System.out, System.err)).isSameAs(System.out);
    assertThat(StandardStream.STDERR.pick(System.out, System.err)).isSameAs(System.err);
    assertThat(StandardStream.STDOUT.label()).isEqualTo("stdout");
    assertThat(StandardStream.STDERR.identity()).isEqualTo(OutputTargets.identity(Path.of("/dev/stderr")));
  }
}
