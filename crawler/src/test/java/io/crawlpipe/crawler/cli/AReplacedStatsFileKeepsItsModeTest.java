package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A stats file that a run replaces keeps its permissions, as the results file does. */
@Timeout(60)
class AReplacedStatsFileKeepsItsModeTest extends GatedSiteTestBase {
  private static String mode(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  @Test
  void anExisting0600StatsFileStays0600AfterARun() throws IOException {
    Path stats = Files.writeString(dir.resolve("s.json"), "{}\n");
    Files.setPosixFilePermissions(stats, PosixFilePermissions.fromString("rw-------"));
    Path out = dir.resolve("r.jsonl");
    assertThat(new CliRunner().run("-q", "--out", out.toString(), "--stats", stats.toString(), urls.toString())).isZero();
    assertThat(Files.readString(stats)).contains("\"results\"");
    assertThat(mode(stats)).isEqualTo("rw-------");
    Files.setPosixFilePermissions(stats, PosixFilePermissions.fromString("r--r-----"));
    assertThat(new CliRunner().run("-q", "--out", out.toString(), "--stats", stats.toString(), urls.toString())).isZero();
    assertThat(mode(stats)).isEqualTo("r--r-----");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
    }
  }
}
