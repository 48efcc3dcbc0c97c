package io.crawlpipe.parser.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostProcessTest {

  private static PostProcess steps(boolean trim, String prefix, String suffix, Map<String, String> replace, boolean number) {
    return new PostProcess(trim, prefix, suffix, replace, number);
  }

  @Test
  void trimRemovesUnicodeAndNoBreakSpacesAroundTheValue() {
    assertThat(steps(true, null, null, Map.of(), false).apply("\n\u00a0\u3000 x y \t")).isEqualTo("x y");
  }

  @Test
  void trimRemovesWhatPythonsStripRemovesNextLineAndInformationSeparatorsIncluded() {
    assertThat(steps(true, null, null, Map.of(), false).apply("\u0085\u001f x \u001c\u2007\u202f\u0085")).isEqualTo("x");
    assertThat(steps(true, null, null, Map.of(), false).apply("\u200bx\ufeff")).as("not whitespace").isEqualTo("\u200bx\ufeff");
    assertThat(PostProcess.number("\u008512\u0085")).isEqualTo(12L);
  }

  @Test
  void trimRunsBeforeAndAfterTheOtherStringSteps() {
    PostProcess p = steps(true, "主演：", null, Map.of(), false);
    assertThat(p.apply("\n   主演： 张国荣\n ")).isEqualTo("张国荣");
  }

  @Test
  void prefixAndSuffixAreRemovedOnceAndOnlyWhenPresent() {
    PostProcess p = steps(false, "ab", "yz", Map.of(), false);
    assertThat(p.apply("ababxyzyz")).isEqualTo("abxyz");
    assertThat(p.apply("plain")).isEqualTo("plain");
  }

  @Test
  void replacementsAreLiteralAndApplyInOrder() {
    PostProcess p = new PostProcess(false, null, null, new java.util.LinkedHashMap<>(Map.of("a.", "b")), false);
    assertThat(p.apply("a.a.aa")).isEqualTo("bbaa");
  }

  @Test
  void numbersAreLongBigIntegerOrBigDecimalAndNonNumbersNull() {
    assertThat(PostProcess.number("-42")).isEqualTo(-42L);
    assertThat(PostProcess.number("92233720368547758070")).isEqualTo(new BigInteger("92233720368547758070"));
    assertThat(PostProcess.number("9.5")).isEqualTo(new BigDecimal("9.5"));
    assertThat(PostProcess.number("1e3")).isEqualTo(new BigDecimal("1e3"));
    assertThat(PostProcess.number("9.5分")).isNull();
    assertThat(PostProcess.number("")).isNull();
  }

  @Test
  void decimalsBeyondTheFiniteDoubleRangeAreNullAsOtherNonNumbersAre() {
    assertThat(PostProcess.number("1e400")).isNull();
    assertThat(PostProcess.number("-1e400")).isNull();
    assertThat(PostProcess.number("1.8e308")).isNull();
    assertThat(PostProcess.number("1e-400")).isNull();
    assertThat(PostProcess.number("-2e-324")).isNull();
    assertThat(PostProcess.number("1e2147483647")).isNull();
    assertThat(PostProcess.number("1e-2147483647")).isNull();
  }

  @Test
  void decimalsWithinTheFiniteDoubleRangeAndZerosAreKeptExactly() {
    assertThat(PostProcess.number("1.7e308")).isEqualTo(new BigDecimal("1.7e308"));
    assertThat(PostProcess.number("-1e-300")).isEqualTo(new BigDecimal("-1e-300"));
    assertThat(PostProcess.number("4.9e-324")).isEqualTo(new BigDecimal("4.9e-324"));
    assertThat(PostProcess.number("0e-999")).isEqualTo(new BigDecimal("0e-999"));
    assertThat(PostProcess.number("0.0")).isEqualTo(new BigDecimal("0.0"));
  }

  @Test
  void integersBeyondTheDoubleRangeStayExactIntegers() {
    String huge = "9".repeat(400);
    assertThat(PostProcess.number(huge)).isEqualTo(new BigInteger(huge));
  }

  @Test
  void surroundingWhitespaceIsIgnoredWhenConvertingAsPythonsIntAndFloatDo() {
    assertThat(PostProcess.number(" 12 ")).isEqualTo(12L);
    assertThat(PostProcess.number("12 ")).isEqualTo(12L);
    assertThat(PostProcess.number("\n\t-9.5\u00a0")).isEqualTo(new BigDecimal("-9.5"));
    assertThat(PostProcess.number("1 2")).isNull();
    assertThat(PostProcess.number(" ")).isNull();
    assertThat(TestRules.field("{\"regex\": \"<i>(.*?)</i>\", \"to\": \"number\"}", "<i> 12 </i><i>3.5\n</i>"))
        .isEqualTo(List.of(12L, new BigDecimal("3.5")));
  }

  @Test
  void surroundingWhitespaceDoesNotCountTowardsTheThousandCharacters() {
    String thousand = "7".repeat(PostProcess.MAX_NUMBER_CHARS);
    assertThat(PostProcess.number("  " + thousand + "\n")).isEqualTo(new BigInteger(thousand));
  }

  @Test
  void aNumberOfMoreThanAThousandCharactersIsNotReadSoAHostilePageCannotHoldTheParser() {
    String thousand = "7".repeat(PostProcess.MAX_NUMBER_CHARS);
    assertThat(PostProcess.number(thousand)).isEqualTo(new BigInteger(thousand));
    assertThat(PostProcess.number("-" + thousand)).isNull();
    assertThat(PostProcess.number("7".repeat(3_000_000))).isNull(); // took minutes of CPU before the limit
  }

  @Test
  void nonStringValuesPassThroughAndListsAreProcessedElementWise() {
    PostProcess p = steps(true, null, null, Map.of(), true);
    assertThat(p.apply(7L)).isEqualTo(7L);
    assertThat(p.apply(null)).isNull();
    assertThat(p.apply(List.of(" 1 ", "2"))).isEqualTo(List.of(1L, 2L));
  }
}
