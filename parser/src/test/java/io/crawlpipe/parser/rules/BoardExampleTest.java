package io.crawlpipe.parser.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.parser.Page;
import io.crawlpipe.parser.ParsedPage;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tutorial's movie board, scraped with the tutorial's regex and with CSS items. */
class BoardExampleTest {
  private static final String BOARD_URL = "https://maoyan.com/board/4";

  private static final List<Map<String, Object>> TOP_TEN = List.of(
      movie(1, "霸王别姬", "张国荣,张丰毅,巩俐", "1993-01-01", "9.5"),
      movie(2, "肖申克的救赎", "蒂姆·罗宾斯,摩根·弗里曼,鲍勃·冈顿", "1994-09-10(加拿大)", "9.5"),
      movie(3, "罗马假日", "格利高里·派克,奥黛丽·赫本,埃迪·艾伯特", "1953-09-02(美国)", "9.1"),
      movie(4, "这个杀手不太冷", "让·雷诺,加里·奥德曼,娜塔莉·波特曼", "1994-09-14(法国)", "9.5"),
      movie(5, "泰坦尼克号", "莱昂纳多·迪卡普里奥,凯特·温丝莱特,比利·赞恩", "1998-04-03", "9.5"),
      movie(6, "唐伯虎点秋香", "周星驰,巩俐,郑佩佩", "1993-07-01(中国香港)", "9.2"),
      movie(7, "魂断蓝桥", "费雯·丽,罗伯特·泰勒,露塞尔·沃特森", "1940-05-17(美国)", "9.2"),
      movie(8, "乱世佳人", "费雯·丽,克拉克·盖博,奥利维娅·德哈维兰", "1939-12-15(美国)", "9.1"),
      movie(9, "天空之城", "寺田农,鹫尾真知子,龟山助清", "1992", "9.1"),
      movie(10, "辛德勒的名单", "连姆·尼森,拉尔夫·费因斯,本·金斯利", "1993-12-15(美国)", "9.2"));

  private static Map<String, Object> movie(long index, String title, String actor, String time, String score) {
    return Map.of("index", index, "title", title, "actor", actor, "time", time, "score", new BigDecimal(score));
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(BoardExampleTest.class.getResource("/rules/" + name).toURI());
  }

  private static Page boardPage() throws IOException {
    try (InputStream in = BoardExampleTest.class.getResourceAsStream("/rules/board-page.html")) {
      return new Page(BOARD_URL, "text/html;charset=utf-8", in.readAllBytes());
    }
  }

  @Test
  void tutorialRegexUnchangedYieldsTheTenMovies() throws Exception {
    ParsedPage parsed = RulesPageParser.load(resource("board-regex.json")).parse(boardPage());

    assertThat(parsed.data()).containsOnlyKeys("movies");
    assertThat(parsed.data().get("movies")).isEqualTo(TOP_TEN);
  }

  @Test
  void cssItemsYieldTheSameTenMovies() throws Exception {
    ParsedPage parsed = RulesPageParser.load(resource("board-css.json")).parse(boardPage());

    assertThat(parsed.data().get("movies")).isEqualTo(TOP_TEN);
  }

  @Test
  void xpathItemsYieldTheSameTenMovies() throws Exception {
    ParsedPage parsed = RulesPageParser.load(resource("board-xpath.json")).parse(boardPage());

    assertThat(parsed.data().get("movies")).isEqualTo(TOP_TEN);
  }

  @Test
  void titleAndCharsetStayAsInTheDefaultExtraction() throws Exception {
    ParsedPage parsed = RulesPageParser.load(resource("board-css.json")).parse(boardPage());

    assertThat(parsed.title()).isEqualTo("TOP100榜 - 猫眼电影 - 一网打尽好电影");
    assertThat(parsed.charset()).isEqualTo("UTF-8");
  }

  @Test
  void boardRulesDoNotApplyToOtherPages() throws Exception {
    Page other = new Page("https://maoyan.com/films/1203", "text/html", boardPage().body());

    ParsedPage parsed = RulesPageParser.load(resource("board-regex.json")).parse(other);

    assertThat(parsed.data()).isEmpty();
    assertThat(parsed.title()).isEqualTo("TOP100榜 - 猫眼电影 - 一网打尽好电影");
  }
}
