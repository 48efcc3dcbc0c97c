package io.crawlpipe.crawler.polite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrawlSlotsTest {
  private final List<String> pumped = new ArrayList<>();

  private static HostQueue host(String name) {
    return new HostQueue(HostKey.of("http://" + name + "/"), CircuitBreaker.ofDefaults(name), Duration.ZERO);
  }

  /** A pump whose host starts one request, taking a slot. */
  private void pumpTakingASlot(CrawlSlots slots, HostQueue host) {
    pumped.add(host.key().host());
    slots.take();
  }

  @Test
  void hostsInLineGetFreedSlotsInTurn() {
    CrawlSlots slots = new CrawlSlots(1);
    slots.take();
    HostQueue a = host("a.test");
    HostQueue b = host("b.test");
    slots.awaitSlot(a);
    slots.awaitSlot(b);

    slots.release();
    slots.drain(h -> pumpTakingASlot(slots, h));
    assertThat(pumped).containsExactly("a.test");
    assertThat(b.inReadyQueue()).isTrue();

    slots.release();
    slots.drain(h -> pumpTakingASlot(slots, h));
    assertThat(pumped).containsExactly("a.test", "b.test");
    assertThat(a.inReadyQueue()).isFalse();
    assertThat(b.inReadyQueue()).isFalse();
  }

  @Test
  void aHostStandsInLineOnlyOnce() {
    CrawlSlots slots = new CrawlSlots(2);
    slots.take();
    slots.take();
    HostQueue a = host("a.test");
    slots.awaitSlot(a);
    slots.awaitSlot(a);

    slots.release();
    slots.release();
    slots.drain(h -> pumped.add(h.key().host()));
    assertThat(pumped).containsExactly("a.test");
  }

  @Test
  void noHostIsPumpedWhileEverySlotIsTaken() {
    CrawlSlots slots = new CrawlSlots(1);
    slots.take();
    HostQueue a = host("a.test");
    slots.awaitSlot(a);

    slots.drain(h -> pumped.add(h.key().host()));
    assertThat(pumped).isEmpty();
    assertThat(slots.available()).isFalse();
    assertThat(a.inReadyQueue()).isTrue();
  }

  @Test
  void concurrencyBelowOneIsRejectedNamingTheValue() {
    assertThatThrownBy(() -> new CrawlSlots(0)).hasMessage("concurrency must be >= 1, was 0");
  }
}
