package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HttpProxyTest {

  @Test
  void readsHostPortAndCredentialsWithOrWithoutTheScheme() {
    assertThat(HttpProxy.parse("http://proxy.test:3128")).isEqualTo(new HttpProxy("proxy.test", 3128, null, null));
    assertThat(HttpProxy.parse("proxy.test:3128")).isEqualTo(new HttpProxy("proxy.test", 3128, null, null));
    assertThat(HttpProxy.parse("HTTP://Proxy.Test")).isEqualTo(new HttpProxy("proxy.test", 80, null, null));
    assertThat(HttpProxy.parse("http://bot:pa%3Ass@[::1]:8080/"))
        .isEqualTo(new HttpProxy("::1", 8080, "bot", "pa:ss"));
  }

  @Test
  void givesBasicCredentialsOnlyWhenThereIsAUser() {
    assertThat(HttpProxy.parse("http://user:pass@proxy.test:3128").authorization()).isEqualTo("Basic dXNlcjpwYXNz");
    assertThat(HttpProxy.parse("http://user@proxy.test:3128").authorization()).isEqualTo("Basic dXNlcjo=");
    assertThat(HttpProxy.parse("http://proxy.test:3128").authorization()).isNull();
  }

  @Test
  void itsTextNeverShowsTheCredentialsButItsUrlReadsBackWhole() {
    HttpProxy proxy = HttpProxy.parse("http://bot:s%40cret@proxy.test:3128");
    assertThat(proxy.toString()).isEqualTo("http://proxy.test:3128");
    assertThat(HttpProxy.parse(proxy.url())).isEqualTo(proxy);
    assertThat(new HttpProxy("::1", 8080, null, null).toString()).isEqualTo("http://[::1]:8080");
  }

  @Test
  void refusesWhatIsNotAnHttpProxyUrl() {
    assertThatThrownBy(() -> HttpProxy.parse("https://proxy.test:443")).hasMessage("only http:// proxies are supported");
    assertThatThrownBy(() -> HttpProxy.parse("socks5://proxy.test")).hasMessage("only http:// proxies are supported");
    assertThatThrownBy(() -> HttpProxy.parse("http://proxy.test:3128/x")).hasMessageContaining("no path");
    assertThatThrownBy(() -> HttpProxy.parse("http://:3128")).hasMessageContaining("not a proxy URL");
    assertThatThrownBy(() -> HttpProxy.parse("http://p:pw@proxy.test:70000")).hasMessageContaining("not a proxy URL")
        .message().doesNotContain("pw");
  }

  @Test
  void namesAPortOutOfRangeButNeverAPassword() {
    assertThatThrownBy(() -> HttpProxy.parse("http://p:pw@proxy.test:70000"))
        .hasMessage("not a proxy URL: port must be 1..65535, was 70000");
    assertThatThrownBy(() -> HttpProxy.parse("127.0.0.1:0")).hasMessage("not a proxy URL: port must be 1..65535, was 0");
    assertThatThrownBy(() -> HttpProxy.parse("http://[::1]:99999/")).hasMessageEndingWith("was 99999");
    assertThatThrownBy(() -> HttpProxy.parse("http://p:123456@proxy.test:x")).message()
        .startsWith("not a proxy URL (expected").doesNotContain("123456");
    assertThatThrownBy(() -> HttpProxy.parse("http://u:123456/x@127.0.0.1:8080")).message()
        .startsWith("not a proxy URL (expected").doesNotContain("123456");
    assertThatThrownBy(() -> HttpProxy.parse("http://bot:a\\b@127.0.0.1:18090")).hasMessage("not a proxy URL (expected"
        + " http://[user:password@]host:port, with / \\ ? # @ : in the user or password percent-encoded)");
  }
}
