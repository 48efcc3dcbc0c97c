package io.crawlpipe.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.process.Worker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsWarmUpTest {
  @TempDir Path dir;

  private String list(String name, String... lines) throws IOException {
    return Files.write(dir.resolve(name), List.of(lines)).toString();
  }

  @Test
  void tlsIsWarmedUpOnlyForRunsThatFetchInThisJvm() {
    assertThat(TlsWarmUp.startsNetworkWork(new String[] {"urls.txt"})).isTrue();
    assertThat(TlsWarmUp.startsNetworkWork(new String[] {"--mode", "virtual", "urls.txt"})).isTrue();
    assertThat(TlsWarmUp.startsNetworkWork(new String[] {"worker"})).as("a worker fetches").isTrue();
    assertThat(TlsWarmUp.startsNetworkWork(new String[] {"--", "--version"})).as("a file named --version").isTrue();
    assertThat(TlsWarmUp.startsNetworkWork(new String[] {})).isFalse();
    assertThat(TlsWarmUp.startsNetworkWork(new String[] {"--version"})).isFalse();
    assertThat(TlsWarmUp.startsNetworkWork(new String[] {"-h"})).isFalse();
    assertThat(TlsWarmUp.startsNetworkWork(new String[] {"--mode", "processes", "urls.txt"})).isFalse();
    assertThat(TlsWarmUp.startsNetworkWork(new String[] {"--mode=Processes", "urls.txt"})).isFalse();
    assertThat(TlsWarmUp.startsNetworkWork(new String[] {"--mode", "nonsense", "urls.txt"})).isTrue();
    assertThat(TlsWarmUp.start(new String[] {"--version"})).as("no thread for a run that only prints").isNull();
  }

  @Test
  void listOfHttpUrlsOnlyNeedsNoWarmUp() throws IOException {
    String urls = list("urls.txt", "http://a.test/", "http://b.test/https-in-a-path");
    assertThat(TlsWarmUp.mayNeedTls(new String[] {"--concurrency", "8", urls})).isFalse();
  }

  @Test
  void httpsUrlInAnyCaseInAnyNamedFileNeedsIt() throws IOException {
    String urls = list("urls.txt", "http://a.test/", "HTTPS://b.test/");
    assertThat(TlsWarmUp.mayNeedTls(new String[] {"-o", "out.jsonl", urls})).isTrue();
  }

  @Test
  void httpsUrlInAGzipListNeedsIt() throws IOException {
    Path https = Files.write(dir.resolve("https.txt.gz"), ListInputTest.gzip("http://a.test/\nhttps://b.test/\n"));
    Path http = Files.write(dir.resolve("http.txt.gz"), ListInputTest.gzip("http://a.test/\n"));
    assertThat(TlsWarmUp.mayNeedTls(new String[] {https.toString()})).isTrue();
    assertThat(TlsWarmUp.mayNeedTls(new String[] {http.toString()})).isFalse();
  }

  @Test
  void anInsecureRunLoadsNoTrustStoreSoNothingIsWarmedUp() throws IOException {
    String urls = list("urls.txt", "https://a.test/");
    assertThat(TlsWarmUp.mayNeedTls(new String[] {"-k", urls})).isFalse();
    assertThat(TlsWarmUp.mayNeedTls(new String[] {urls, "--insecure"})).isFalse();
    assertThat(TlsWarmUp.mayNeedTls(new String[] {"--insecure", "-"})).isFalse();
  }

  @Test
  void listOnStdinOrAWorkerIsUnknownSoItWarmsUp() {
    assertThat(TlsWarmUp.mayNeedTls(new String[] {"-"})).isTrue();
    assertThat(TlsWarmUp.mayNeedTls(new String[] {"worker"})).isTrue();
  }

  @Test
  void aWorkerWarmsUpUnlessItsParentSaysItsListHasNoHttps() {
    assertThat(TlsWarmUp.mayNeedTls(new String[] {"worker", "-v"})).isTrue();
    assertThat(TlsWarmUp.mayNeedTls(new String[] {"worker", Worker.NO_TLS_WARM_UP})).isFalse();
    assertThat(TlsWarmUp.mayNeedTls(new String[] {"worker", "-v", Worker.NO_TLS_WARM_UP})).isFalse();
  }

  @Test
  void aListMayNeedTlsOnStdinOrWithHttpsInItsHead() throws IOException {
    assertThat(TlsWarmUp.listMayNeedTls("-")).isTrue();
    assertThat(TlsWarmUp.listMayNeedTls(list("https.txt", "https://a.test/"))).isTrue();
    assertThat(TlsWarmUp.listMayNeedTls(list("http.txt", "http://a.test/"))).isFalse();
  }

  @Test
  void httpsColonIsMatchedInAnyAsciiCaseAndOnlyWithItsColon() {
    assertThat(TlsWarmUp.containsHttpsColon("HtTpS://a.test/".getBytes(StandardCharsets.US_ASCII))).isTrue();
    assertThat(TlsWarmUp.containsHttpsColon("x https:".getBytes(StandardCharsets.US_ASCII))).isTrue();
    assertThat(TlsWarmUp.containsHttpsColon("http://a.test/https".getBytes(StandardCharsets.US_ASCII))).isFalse();
    assertThat(TlsWarmUp.containsHttpsColon("ttps:".getBytes(StandardCharsets.US_ASCII))).isFalse();
    // a UTF-16 list (with its byte-order mark, as the list reader requires), either byte order
    assertThat(TlsWarmUp.containsHttpsColon("\uFEFFhttps://a.test/".getBytes(StandardCharsets.UTF_16LE))).isTrue();
    assertThat(TlsWarmUp.containsHttpsColon("\uFEFFx HTTPS://a.test/".getBytes(StandardCharsets.UTF_16BE))).isTrue();
    assertThat(TlsWarmUp.containsHttpsColon("\uFEFFhttp://a.test/".getBytes(StandardCharsets.UTF_16LE))).isFalse();
  }

  @Test
  void missingFilesDirectoriesAndHttpsBeyondTheFirst16KbDoNot() throws IOException {
    String late = list("late.txt", "http://a.test/" + "x".repeat(20_000), "https://b.test/");
    assertThat(TlsWarmUp.mayNeedTls(new String[] {dir.resolve("missing.txt").toString()})).isFalse();
    assertThat(TlsWarmUp.mayNeedTls(new String[] {dir.toString()})).isFalse();
    assertThat(TlsWarmUp.mayNeedTls(new String[] {late})).as("found on its first fetch instead").isFalse();
  }
}
