package io.crawlpipe.crawler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FingerprintSetTest {
  private final FingerprintSet set = new FingerprintSet();

  @Test
  void aLineIsAddedOnceAndFoundAfterTheTableGrows() {
    for (int i = 0; i < 5_000; i++) assertThat(set.add("http://a.test/" + i)).isTrue();
    assertThat(set.add("http://a.test/17")).isFalse();
    assertThat(set.contains("http://a.test/4999")).isTrue();
    assertThat(set.contains("http://a.test/5000")).isFalse();
    assertThat(set.size()).isEqualTo(5_000);
  }

  @Test
  void aNullLineIsRefusedByName() {
    assertThatThrownBy(() -> set.add(null)).isInstanceOf(NullPointerException.class).hasMessage("line");
    assertThatThrownBy(() -> set.contains(null)).isInstanceOf(NullPointerException.class).hasMessage("line");
  }
}
