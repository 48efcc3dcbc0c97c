package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A file descriptor path ({@code /proc/self/fd/N}, as {@code /dev/fd/3} with {@code 3>> urls.txt})
 * is compared by the file it is open on: one open on the URL list or on the results file is refused
 * like a link to it. The descriptors are this JVM's own, opened by the test (Linux).
 */
@Timeout(60)
class ADescriptorOpenOnTheListTest extends GatedSiteTestBase {
  @Test
  void aDescriptorOpenOnTheUrlListIsRefusedAsTheUrlFile() throws IOException {
    String list = Files.readString(urls);
    try (FileChannel open = FileChannel.open(urls, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      Path descriptor = OutputPathsTest.descriptorOf(urls);
      assumeTrue(descriptor != null, "needs /proc/self/fd");
      for (String option : List.of("--out", "--log", "--stats")) {
        CliRunner cli = new CliRunner();
        List<String> args = new java.util.ArrayList<>(List.of("-q", option, descriptor.toString()));
        if (!option.equals("--out")) args.addAll(List.of("--out", dir.resolve("r.jsonl").toString()));
        args.add(urls.toString());
        assertThat(cli.run(args.toArray(String[]::new))).as(option).isEqualTo(2);
        assertThat(cli.stderr()).isEqualTo("crawl: " + option + " '" + descriptor
            + "' is the URL file; refusing to overwrite it\n");
      }
    }
    assertThat(Files.readString(urls)).isEqualTo(list);
    assertThat(dir.resolve("r.jsonl")).doesNotExist();
    assertThat(site.requests("/fast/0")).isZero();
  }

  @Test
  void aDescriptorOpenOnTheResultsFileIsRefusedAsTheSameFile() throws IOException {
    Path out = Files.writeString(dir.resolve("r.jsonl"), "");
    try (FileChannel open = FileChannel.open(out, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      Path descriptor = OutputPathsTest.descriptorOf(out);
      assumeTrue(descriptor != null, "needs /proc/self/fd");
      CliRunner cli = new CliRunner();
      assertThat(cli.run("-q", "--stats", descriptor.toString(), "--out", out.toString(), urls.toString()))
          .isEqualTo(2);
      assertThat(cli.stderr()).isEqualTo("crawl: invalid option: --stats and --out name the same file '"
          + descriptor + "'; they must differ\n");
    }
    assertThat(Files.readString(out)).isEmpty();
    assertThat(site.requests("/fast/0")).isZero();
  }
}
