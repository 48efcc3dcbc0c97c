package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A results file that a run replaces, with or without --resume, keeps its permissions (as {@code sed -i} does). */
@Timeout(60)
class AReplacedResultsFileKeepsItsModeTest extends GatedSiteTestBase {
  private static String mode(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  @Test
  void aRunAndAResumeKeepThePermissionsOfTheFileTheyReplace() throws IOException {
    Path out = Files.writeString(dir.resolve("b.jsonl"), "{\"url\":\"http://old/\",\"ok\":true,\"error\":null}\n");
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-------"));
    assertThat(new CliRunner().run("--out", out.toString(), urls.toString())).isZero();
    assertThat(mode(out)).isEqualTo("rw-------");
    Files.writeString(urls, "http://127.0.0.1:1/more\n", java.nio.file.StandardOpenOption.APPEND);
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r-----"));
    new CliRunner().run("--resume", "--out", out.toString(), urls.toString());
    assertThat(Files.readAllLines(out)).hasSize(3);
    assertThat(mode(out)).isEqualTo("rw-r-----");
  }
}
