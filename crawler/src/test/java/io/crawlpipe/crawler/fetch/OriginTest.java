package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class OriginTest {
  @Test
  void equalWhenSchemeHostAndPortAreEqual() {
    Origin a = Origin.of(HttpUrl.get("http://Example.com/a"));
    Origin b = new Origin(false, "example.com", 80);

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(Set.of(a)).contains(b);
  }

  @Test
  void differsInEachComponent() {
    Origin base = new Origin(false, "example.com", 8080);
    List<Origin> others = List.of(new Origin(true, "example.com", 8080), new Origin(false, "example.org", 8080),
        new Origin(false, "example.com", 8081));

    assertThat(others).allSatisfy(other -> assertThat(other).isNotEqualTo(base));
    assertThat(new HashSet<>(others)).hasSize(3).doesNotContain(base);
    assertThat(base).isNotEqualTo(null).isNotEqualTo("http://example.com:8080");
  }

  @Test
  void hostHeaderOmitsDefaultPortAndBracketsIpv6() {
    assertThat(new Origin(true, "example.com", 443).hostHeader()).isEqualTo("example.com");
    assertThat(new Origin(false, "example.com", 443).hostHeader()).isEqualTo("example.com:443");
    assertThat(new Origin(false, "::1", 8080).hostHeader()).isEqualTo("[::1]:8080");
    assertThat(new Origin(true, "::1", 443)).hasToString("https://[::1]");
  }

  @Test
  void rejectsAnEmptyHostOrAPortOutOfRange() {
    assertThatThrownBy(() -> new Origin(false, "", 80)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Origin(false, "a", 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Origin(false, "a", 65536)).isInstanceOf(IllegalArgumentException.class);
  }
}
