package io.crawlpipe.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticSiteTest {
  @TempDir Path dir;

  @Test
  void listTakesTheHostsInTurnAndEveryHostServesThePages() throws IOException {
    try (SyntheticSite site = new SyntheticSite(0, 3, 10, 2048, Duration.ZERO)) {
      Path list = dir.resolve("urls.txt");
      site.writeList(list, 7);
      List<String> urls = Files.readAllLines(list);

      List<Integer> ports = urls.stream().map(url -> URI.create(url).getPort()).toList();
      assertThat(ports.subList(0, 3)).doesNotHaveDuplicates();
      assertThat(ports.subList(3, 6)).isEqualTo(ports.subList(0, 3));
      assertThat(urls.getFirst()).startsWith(site.baseUrl() + "/page/0");
      for (String url : urls) assertThat(fetch(url)).as(url).isBetween(1948L, 2048L);
    }
  }

  @Test
  void robotsTxtIsNotFoundOnEveryHostSoEveryPageIsAllowed() throws IOException {
    try (SyntheticSite site = new SyntheticSite(0, 2, 10, 2048, Duration.ZERO)) {
      Path list = dir.resolve("urls.txt");
      site.writeList(list, 2);
      for (String url : Files.readAllLines(list)) {
        String robots = url.replaceFirst("/page/.*", "/robots.txt");
        assertThatThrownBy(() -> fetch(robots)).hasMessageContaining(robots).hasMessageContaining("404");
      }
    }
  }

  /** A getter keeps one connection to its first host: one getter per URL, as the hosts differ. */
  private static long fetch(String url) throws IOException {
    try (FetchFloor.Getter getter = new SocketGetter()) {
      return getter.get(url);
    }
  }

  @Test
  void refusesNoHosts() {
    assertThatThrownBy(() -> new SyntheticSite(0, 0, 10, 2048, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hosts must be at least 1, was 0");
  }
}
