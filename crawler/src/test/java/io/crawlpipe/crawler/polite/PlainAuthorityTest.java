package io.crawlpipe.crawler.polite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class PlainAuthorityTest {

  @Test
  void readsSchemeHostAndPortOfPlainUrls() {
    assertThat(PlainAuthority.parse("http://example.com/a?b#c")).isEqualTo(new HostKey("http", "example.com", 80));
    assertThat(PlainAuthority.parse("https://example.com")).isEqualTo(new HostKey("https", "example.com", 443));
    assertThat(PlainAuthority.parse("http://127.0.0.1:8080/x")).isEqualTo(new HostKey("http", "127.0.0.1", 8080));
    assertThat(PlainAuthority.parse("https://a-b.c0.example:0443?q")).isEqualTo(new HostKey("https", "a-b.c0.example", 443));
  }

  @Test
  void leavesEveryUrlItCannotVouchForToOkHttp() {
    List<String> declined = List.of("HTTP://example.com/", "http://Example.com/", "ftp://example.com/",
        "http://user:pw@example.com/", "http://[::1]:8080/", "http://xn--nxasmq6b.com/", "http://ab--cd.com/",
        "http://-a.com/", "http://a-.com/", "http://a..b/", "http://.a/", "http://a./", "http:///path",
        "http://a:/", "http://a:0/", "http://a:65536/", "http://a:123456/", "http://a:8x/", "http://a:1:2/",
        "http://a\\b/", "http://ünïcode.com/", "http://a_b.com/", "http://%61.com/", "http://" + "a".repeat(64) + ".com/",
        "http://" + "a.".repeat(127) + "a/");
    for (String url : declined) {
      assertThat(PlainAuthority.parse(url)).as(url).isNull();
    }
  }

  @Test
  void agreesWithOkHttpOnEveryUrlItAccepts() {
    Random random = new Random(42);
    String hostAlphabet = "ab-.09:Z_xn";
    String restAlphabet = "/?#a%20é\\\"<>{}|^`[]:@!$&'()*+,;=~";
    List<String> urls = new ArrayList<>(List.of("http://a/", "https://a.b.c:1", "http://1.2.3.4:65535/%zz?%#%",
        "http://0x7f.1/", "http://999.999.999.999/", "http://a.b/<script>?\"x\"#{y}"));
    for (int i = 0; i < 20_000; i++) {
      urls.add((random.nextBoolean() ? "http://" : "https://") + randomString(random, hostAlphabet, 12)
          + "/" + randomString(random, restAlphabet, 12));
    }
    int accepted = 0;
    for (String url : urls) {
      HostKey plain = PlainAuthority.parse(url);
      if (plain == null) continue;
      accepted++;
      assertThatCode(() -> HttpUrl.get(url)).as(url).doesNotThrowAnyException();
      HttpUrl parsed = HttpUrl.get(url);
      assertThat(plain).as(url).isEqualTo(new HostKey(parsed.scheme(), parsed.host(), parsed.port()));
    }
    assertThat(accepted).as("the corpus exercises the plain path").isGreaterThan(2_000);
  }

  @Test
  void hostKeyOfGivesTheSameKeyWithOrWithoutTheShortcut() {
    for (String url : List.of("http://example.com/", "http://EXAMPLE.com:80/", "https://[::1]/", "http://xn--bcher-kva.example/")) {
      HttpUrl parsed = HttpUrl.get(url);
      assertThat(HostKey.of(url)).as(url).isEqualTo(new HostKey(parsed.scheme(), parsed.host(), parsed.port()));
    }
  }

  private static String randomString(Random random, String alphabet, int maxLength) {
    StringBuilder s = new StringBuilder();
    int length = random.nextInt(maxLength + 1);
    for (int i = 0; i < length; i++) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    return s.toString();
  }
}
