package io.crawlpipe.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FetchFloorTest {
  private static final int PAGE_SIZE = 2048;
  private SyntheticSite site;

  @BeforeEach
  void startSite() throws IOException {
    site = new SyntheticSite(0, 1000, PAGE_SIZE, Duration.ZERO);
  }

  @AfterEach
  void stopSite() throws IOException {
    site.close();
  }

  private List<String> pages(int count) {
    return IntStream.range(0, count).mapToObj(i -> site.baseUrl() + "/page/" + (i * 37 % 1000)).toList();
  }

  /** Pages differ in length by their number's digits: fetch them one by one to know the total. */
  private long expectedBytes(List<String> urls) throws IOException {
    try (FetchFloor.Getter one = new SocketGetter()) {
      long total = 0;
      for (String url : urls) total += one.get(url);
      return total;
    }
  }

  @Test
  void socketGetterReadsEveryResponseOfOneKeepAliveConnection() throws IOException {
    try (FetchFloor.Getter getter = new SocketGetter()) {
      long first = getter.get(site.baseUrl() + "/page/1");
      long second = getter.get(site.baseUrl() + "/page/2");
      assertThat(first).isEqualTo(second).isBetween(PAGE_SIZE - 100L, (long) PAGE_SIZE);
    }
  }

  @Test
  void socketGetterRejectsANon200NamingTheUrl() {
    String missing = site.baseUrl() + "/nothing-here";
    assertThatThrownBy(() -> {
      try (FetchFloor.Getter getter = new SocketGetter()) {
        getter.get(missing);
      }
    }).isInstanceOf(IOException.class).hasMessageContaining(missing).hasMessageContaining("404");
  }

  @Test
  void fetchAllReadsEveryUrlOnceWithEachClient() throws IOException, InterruptedException {
    List<String> urls = pages(200);
    long expected = expectedBytes(urls);
    for (String name : FetchFloor.NAMES) {
      try (FetchFloor.Client client = FetchFloor.open(name, 8)) {
        assertThat(FetchFloor.fetchAll(urls, 8, client::newGetter)).as(name).isEqualTo(expected);
      }
    }
  }

  @Test
  void nioFloorReadsEveryUrlOnceOverFewerConnectionsThanUrls() throws IOException {
    List<String> urls = pages(200);
    assertThat(NioFloor.fetchAll(urls, 8)).isEqualTo(expectedBytes(urls));
    assertThat(NioFloor.fetchAll(urls.subList(0, 3), 8)).isEqualTo(expectedBytes(urls.subList(0, 3)));
  }

  @Test
  void nioFloorRejectsANon200NamingTheUrl() {
    List<String> urls = List.of(site.baseUrl() + "/page/1", site.baseUrl() + "/missing", site.baseUrl() + "/page/2");
    assertThatThrownBy(() -> NioFloor.fetchAll(urls, 2))
        .isInstanceOf(IOException.class).hasMessageContaining("/missing").hasMessageContaining("404");
  }

  @Test
  void fetchAllReportsAFailureAfterTheOtherThreadsEnd() {
    List<String> urls = List.of(site.baseUrl() + "/page/1", site.baseUrl() + "/missing", site.baseUrl() + "/page/2");
    assertThatThrownBy(() -> FetchFloor.fetchAll(urls, 2, SocketGetter::new))
        .isInstanceOf(IOException.class).hasMessageContaining("/missing");
  }

  @Test
  void aUrlThatCannotEvenBeRequestedIsAFailureNotASkippedLine() {
    List<String> urls = List.of(site.baseUrl() + "/page/1", "http://127.0.0.1/no-port");
    assertThatThrownBy(() -> FetchFloor.fetchAll(urls, 1, SocketGetter::new))
        .isInstanceOf(IOException.class).hasMessageContaining("port");
  }

  @Test
  void clientGettersRejectANon200NamingTheUrl() throws IOException {
    String missing = site.baseUrl() + "/nothing-here";
    for (String name : FetchFloor.NAMES) {
      try (FetchFloor.Client client = FetchFloor.open(name, 1); FetchFloor.Getter getter = client.newGetter()) {
        assertThatThrownBy(() -> getter.get(missing)).as(name).hasMessageContaining(missing).hasMessageContaining("404");
      }
    }
  }

  @Test
  void parsingFloorWritesOneResultLinePerUrlWithItsTitle(@TempDir Path dir) throws IOException, InterruptedException {
    List<String> urls = pages(50);
    Path results = dir.resolve("floor.jsonl");
    try (FetchFloor.Client client = ParsingFloor.writingTo(results)) {
      assertThat(FetchFloor.fetchAll(urls, 4, client::newGetter)).isEqualTo(expectedBytes(urls));
    }

    assertOneLinePerUrlWithItsTitle(results, urls);
  }

  @ParameterizedTest(name = "split={0}")
  @ValueSource(booleans = {false, true})
  void nioParsingFloorsWriteOneResultLinePerUrlWithItsTitle(boolean split, @TempDir Path dir) throws IOException {
    List<String> urls = pages(50);
    Path results = dir.resolve("floor.jsonl");
    long bytes = ParsingFloor.nioWritingTo(results, urls, 4, split);
    assertThat(bytes).isEqualTo(expectedBytes(urls));
    assertOneLinePerUrlWithItsTitle(results, urls);
  }

  @Test
  void nioParsingFloorFailsNamingTheUrlAndLeavesTheResultsUncommitted(@TempDir Path dir) {
    Path results = dir.resolve("floor.jsonl");
    List<String> urls = List.of(site.baseUrl() + "/page/1", site.baseUrl() + "/missing");
    assertThatThrownBy(() -> ParsingFloor.nioWritingTo(results, urls, 1, false)).hasMessageContaining("/missing");
    assertThat(results).doesNotExist();
  }

  @Test
  void handoffRunsTasksInOrderAndRethrowsTheFirstFailureAtTheEnd() throws IOException {
    List<Integer> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (ParsingFloor.Handoff handoff = new ParsingFloor.Handoff()) {
      for (int i = 0; i < 100; i++) {
        int task = i;
        handoff.submit(() -> ran.add(task));
      }
      handoff.finish();
    }
    assertThat(ran).containsExactlyElementsOf(IntStream.range(0, 100).boxed().toList());

    try (ParsingFloor.Handoff handoff = new ParsingFloor.Handoff()) {
      handoff.submit(() -> {
        throw new IOException("page 1: no title found");
      });
      assertThatThrownBy(handoff::finish).hasMessage("page 1: no title found");
      assertThatThrownBy(() -> handoff.submit(() -> ran.add(-1))).hasMessage("page 1: no title found");
    }
    assertThat(ran).doesNotContain(-1);
  }

  private static void assertOneLinePerUrlWithItsTitle(Path results, List<String> urls) throws IOException {
    List<String> lines = Files.readAllLines(results);
    assertThat(lines).hasSize(urls.size());
    for (String url : urls) {
      String page = url.substring(url.lastIndexOf('/') + 1);
      assertThat(lines).as(url).anySatisfy(line -> assertThat(line)
          .contains("\"url\":\"" + url + "\"").contains("\"title\":\"Page " + page + "\"").contains("\"ok\":true"));
    }
  }

  @Test
  void anUnknownClientNameOpensNothing() throws IOException {
    assertThat(FetchFloor.open("curl", 1)).isNull();
  }
}
