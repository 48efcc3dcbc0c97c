package io.crawlpipe.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NameCountsTest {
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";
  private static final String ALPHANUMERIC = LETTERS + "0123456789";

  @Test
  void countsEachNameOpenedAndClosedAsAMapWouldWhateverItsSlot() {
    Random random = new Random(11);
    List<Long> pool = new ArrayList<>(namesSharingTheirFirstSlot(300, 1 << 10));
    for (int i = 0; i < 300; i++) pool.add(TagName.of(randomLetters(random, 6)));
    NameCounts counts = new NameCounts();
    Map<Long, Integer> expected = new HashMap<>();
    for (int step = 0; step < 50_000; step++) {
      long name = pool.get(random.nextInt(Math.min(pool.size(), 20 + step / 50)));  // new names keep coming
      if (random.nextInt(3) > 0) {
        counts.add(name);
        expected.merge(name, 1, Integer::sum);
      } else {
        counts.remove(name);
        expected.computeIfPresent(name, (k, n) -> Math.max(0, n - 1));
      }
      long probed = pool.get(random.nextInt(pool.size()));
      assertThat(counts.contains(probed)).as("step %d", step).isEqualTo(expected.getOrDefault(probed, 0) > 0);
    }
  }

  @Test
  void namesChosenToShareTheirSlotCostEachCallABoundedNumberOfProbes() {
    List<Long> names = namesSharingTheirFirstSlot(2_000, 1 << 12);
    NameCounts counts = new NameCounts();
    names.forEach(counts::add);
    long last = names.get(names.size() - 1);
    long before = counts.extraProbes();
    for (int i = 0; i < 1_000; i++) {
      counts.add(last);
      counts.remove(last);
      assertThat(counts.contains(last)).isTrue();
      assertThat(counts.contains(TagName.TEMPLATE)).isFalse();
    }
    assertThat(counts.extraProbes() - before).isLessThanOrEqualTo(4_000L * (NameCounts.MAX_PROBES - 1));
  }

  /**
   * The reviewer's page: start tags whose names differ only in their first two characters, which
   * a multiplicative hash of the packed name's low bits put on one slot, then many pairs of tags
   * of the last such name. It must cost a scan about what a page of as many random names costs:
   * the slots looked at, one a tag and the extra ones, at most four times as many.
   */
  @Test
  void aPageOfTagNamesChosenToCollideIsScannedWithNoMoreWorkThanAnOrdinaryOne() {
    Random random = new Random(5);
    List<String> crafted = new ArrayList<>();
    List<String> ordinary = new ArrayList<>();
    for (int family = 0; family < 4; family++) {
      String tail = randomLetters(random, 8);
      for (char first : LETTERS.toCharArray()) {
        for (char second : ALPHANUMERIC.toCharArray()) {
          crafted.add("" + first + second + tail);
          ordinary.add(randomLetters(random, 10));
        }
      }
    }
    long craftedWork = scanWork(crafted);
    long ordinaryWork = scanWork(ordinary);
    assertThat(craftedWork).isLessThanOrEqualTo(4 * ordinaryWork);
  }

  /**
   * The slots a title scan looks at in a page of start tags named {@code names}, then as many
   * pairs of the last name's start and end tags: one a tag, and the {@link TitleFinder#extraProbes}.
   */
  private static long scanWork(List<String> names) {
    StringBuilder page = new StringBuilder("<body>");
    names.forEach(name -> page.append('<').append(name).append('>'));
    String last = names.get(names.size() - 1);
    page.append(("<" + last + "></" + last + ">").repeat(names.size())).append("<title>X</title>");
    TitleFinder finder = new TitleFinder(new Markup.Chars(page), 0);
    assertThat(TitleScanner.title(page)).isEqualTo("X");
    assertThat(finder.titleStart()).isPositive();
    return 3L * names.size() + finder.extraProbes();
  }

  /** {@code n} names whose search starts at one slot in every table of up to {@code slots} slots. */
  private static List<Long> namesSharingTheirFirstSlot(int n, int slots) {
    List<Long> names = new ArrayList<>();
    for (long index = 0; names.size() < n; index++) {
      long name = TagName.empty();
      for (long rest = index; rest > 0 || name == TagName.empty(); rest /= LETTERS.length()) {
        name = TagName.append(name, LETTERS.charAt((int) (rest % LETTERS.length())));
      }
      if (NameCounts.home(name, slots - 1) == 7) names.add(name);
    }
    return names;
  }

  private static String randomLetters(Random random, int length) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) s.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
    return s.toString();
  }
}
