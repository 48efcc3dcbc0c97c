package io.crawlpipe.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What a title scanner gives, as a browser's {@code document.title} would (null where a browser
 * finds no title element): run against {@link TitleScanner} and {@link ByteTitleScanner} by
 * their tests.
 */
abstract class TitleScanBehaviour {

  /** The title the scanner under test finds in {@code html}. */
  abstract String title(String html);

  @Test
  void ordinaryPagesStillGiveTheirTitle() {
    assertThat(title("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<script src=\"/a.js\"></script><style>a>b{}</style><link rel=icon href=/f.ico>"
        + "<title>Home &amp; Garden</title></head><body><p>x</p></body></html>")).isEqualTo("Home & Garden");
    assertThat(title("<HTML><HEAD><TITLE lang=en>Welcome</TITLE>")).isEqualTo("Welcome");
    assertThat(title("<title>cut off")).isEqualTo("cut off");
    assertThat(title("<body>no title</body>")).isNull();
  }

  @Test
  void titleInsideACommentIsSkipped() {
    assertThat(title("<!-- <title>Commented</title> --><title>Real</title>")).isEqualTo("Real");
    assertThat(title("<!-- a -- b --!><title>Real</title>")).isEqualTo("Real");
  }

  @Test
  void abruptlyClosedCommentsEndAtTheirFirstGreaterThan() {
    assertThat(title("<!--><title>Real</title>")).isEqualTo("Real");
    assertThat(title("<!---><title>Real</title>")).isEqualTo("Real");
    assertThat(title("<!----><title>Real</title>")).isEqualTo("Real");
    // "<!--!>" and "<!---!>" do not end: the opening's dashes are not the closing's
    assertThat(title("<!--!><title>no</title>--><title>Real</title>")).isEqualTo("Real");
    assertThat(title("<!---!><title>no</title>--><title>Real</title>")).isEqualTo("Real");
  }

  @Test
  void unterminatedCommentAtTheEndHidesTheRest() {
    assertThat(title("<!-- <title>Commented</title>")).isNull();
    assertThat(title("<p>x<!--")).isNull();
  }

  @Test
  void doctypeAndBogusCommentsAreSkippedToTheirGreaterThan() {
    assertThat(title("<!DOCTYPE html><?xml version=\"1.0\"?></ x><title>Real</title>")).isEqualTo("Real");
    assertThat(title("<!x <title>no</title>")).isNull();
  }

  @Test
  void titleInsideAScriptIsSkipped() {
    assertThat(title("<script>var s='<title>Scripted</title>'</script><title>Real</title>")).isEqualTo("Real");
  }

  @Test
  void uppercaseScriptEndsOnlyAtItsOwnEndTag() {
    assertThat(title("<SCRIPT type=x>'</scriptx><title>no</title>'</ScRiPt\n><title>Real</title>"))
        .isEqualTo("Real");
    assertThat(title("<script>'</script/><title>Real</title>")).isEqualTo("Real");
  }

  @Test
  void scriptEndTagInsideAnEscapedNestedScriptDoesNotEndTheScript() {
    assertThat(title("<script><!--<script></script><title>no</title>--></script><title>Real</title>")).isEqualTo("Real");
    assertThat(title("<script><!-- document.write(\"<script src=a></script>\") --></script><title>Real</title>"))
        .isEqualTo("Real");
    assertThat(title("<script><!-- x </script><title>Real</title>")).isEqualTo("Real");
    assertThat(title("<script><!--><script></script><title>Real</title>")).isEqualTo("Real");
    assertThat(title("<script><!--<script>--></script><title>Real</title>")).isEqualTo("Real");
  }

  @Test
  void unterminatedScriptAtTheEndHidesTheRest() {
    assertThat(title("<script>document.write('<title>Scripted</title>')")).isNull();
    assertThat(title("<script>x</script")).isNull();
  }

  @Test
  void contentOfTheOtherRawTextElementsIsSkipped() {
    for (String element : new String[] {"style", "textarea", "xmp", "iframe", "noembed", "noframes", "STYLE"}) {
      assertThat(title("<" + element + "><title>no</title></" + element + "><title>Real</title>"))
          .as(element).isEqualTo("Real");
    }
    assertThat(title("<plaintext><title>no</title>")).isNull();
  }

  @Test
  void aTitleInsideNoscriptIsNotThePagesAsInABrowserWithScriptingOn() {
    assertThat(title("<head><noscript><title>In noscript</title></noscript><title>After noscript</title></head>"))
        .isEqualTo("After noscript");
    assertThat(title("<body><NOSCRIPT><title>no</title></NOSCRIPT ><title>Real</title>")).isEqualTo("Real");
    assertThat(title("<noscript><title>no</title>")).isNull();
  }

  @Test
  void svgTitleIsNotThePageTitle() {
    assertThat(title("<svg><title>SVG title</title></svg>")).isNull();
    assertThat(title("<svg viewBox=\"0 0 1 1\"><title>SVG title</title></svg><title>Real</title>")).isEqualTo("Real");
    assertThat(title("<math><title>MathML</title></math><title>Real</title>")).isEqualTo("Real");
  }

  @Test
  void nestedSvgDoesNotEndTheSkipEarly() {
    assertThat(title("<svg><svg><title>a</title></svg><title>b</title></SVG><title>Real</title>")).isEqualTo("Real");
    assertThat(title("<svg><svg/><title>a</title></svg><title>Real</title>")).isEqualTo("Real");
    assertThat(title("<svg><!-- </svg> --><title>a</title></svg><title>Real</title>")).isEqualTo("Real");
  }

  @Test
  void selfClosingSvgHasNoContent() {
    assertThat(title("<svg/><title>Real</title>")).isEqualTo("Real");
    assertThat(title("<svg a=\"b\" /><title>Real</title>")).isEqualTo("Real");
    // "/" in an unquoted value is part of it: this svg is open
    assertThat(title("<svg a=b/><title>no</title></svg><title>Real</title>")).isEqualTo("Real");
  }

  @Test
  void anEndTagOfAnElementAroundTheSvgEndsItsContent() {
    assertThat(title("<a href=/><svg><use href=#i></a><title>X</title>")).isEqualTo("X");
    assertThat(title("<div><svg></div><title>X</title>")).isEqualTo("X");
    assertThat(title("<span><svg><path d=x></span><title>X</title>")).isEqualTo("X");
    assertThat(title("<table><tr><td><svg></td><title>X</title>")).isEqualTo("X");
    assertThat(title("<custom-el><svg></custom-el><title>X</title>")).isEqualTo("X");
    // end tags of elements open inside the svg do not end it
    assertThat(title("<svg><g><text><title>no</title></text></g><title>no</title></svg><title>X</title>")).isEqualTo("X");
  }

  @Test
  void anEndTagOfTheRowOrBodyABrowserFillsInAroundATableCellEndsTheSvg() {
    assertThat(title("<body><table><tr><td><svg><path></tbody><title>A1</title>")).isEqualTo("A1");
    assertThat(title("<body><table><td><svg><path></tr><title>A2</title>")).isEqualTo("A2");
    assertThat(title("<table><th><svg></tbody><title>A3</title>")).isEqualTo("A3");
    assertThat(title("<table><tr><svg></tbody><title>A4</title>")).isEqualTo("A4");
    // only in a table, around a cell or row; a thead, tfoot or caption is never filled in
    assertThat(title("<body><td><svg></tr><title>Icon</title></svg><title>Real</title>")).isEqualTo("Real");
    assertThat(title("<table><svg></tbody><title>Icon</title></svg><title>Real</title>")).isEqualTo("Real");
    assertThat(title("<table></table><tr><td><svg></tbody><title>Icon</title></svg><title>Real</title>"))
        .isEqualTo("Real");
    assertThat(title("<table><tr><td><svg></thead><title>Icon</title></svg><title>Real</title>")).isEqualTo("Real");
    // no tbody around a thead's or tfoot's row, and no row or tbody around a caption
    assertThat(title("<table><thead><tr><td><svg></tbody><title>Icon</title></svg><title>Real</title>"))
        .isEqualTo("Real");
    assertThat(title("<table><tfoot><tr><td><svg></tbody><title>Icon</title></svg><title>Real</title>"))
        .isEqualTo("Real");
    assertThat(title("<table><thead><tr><td><svg></tr><title>A5</title>")).isEqualTo("A5");
    assertThat(title("<table><td>x</table><table><caption><svg></tr><title>Icon</title></svg><title>Real</title>"))
        .isEqualTo("Real");
    assertThat(title("<table><td>x</table><table><caption><svg></tbody><title>Icon</title></svg><title>Real</title>"))
        .isEqualTo("Real");
  }

  @Test
  void aStrayEndTagInsideTheSvgIsIgnoredAsABrowserIgnoresIt() {
    assertThat(title("<body><svg><g></a></g><title>Icon</title></svg><p>x")).isNull();
    assertThat(title("<body><svg></span><title>Icon</title></svg>")).isNull();
    assertThat(title("<div></div><svg></div><title>Icon</title></svg><title>Real</title>")).isEqualTo("Real");
    // html, head and body end tags pop nothing: the svg stays open
    assertThat(title("<html><head></head><body><svg></body></html><title>Icon</title>")).isNull();
    // an end tag of a void element names nothing open around the svg
    assertThat(title("<img src=x><svg></img><title>Icon</title></svg><title>Real</title>")).isEqualTo("Real");
  }

  @Test
  void theSvgsEndTagEndsItAfterAnyNumberOfUnclosedElements() {
    assertThat(title("<body><svg>" + "<path d='M0'>".repeat(40) + "</svg><title>Page</title>")).isEqualTo("Page");
    assertThat(title("<svg>" + "<g>".repeat(40) + "</g>".repeat(40) + "<title>no</title></svg><title>Page</title>"))
        .isEqualTo("Page");
    assertThat(title("<svg><g>" + "<path>".repeat(40) + "</g><title>no</title></svg><title>Page</title>"))
        .isEqualTo("Page");
  }

  @Test
  void deepSvgWithStrayEndTagsIsScannedInLinearTime() {
    int n = 200_000;
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      assertThat(title("<svg>" + "<g>".repeat(n) + "</a>".repeat(n) + "<title>no</title>")).isNull();
      assertThat(title("<svg>" + "<g><path>".repeat(n) + "</g>".repeat(n) + "</svg><title>Page</title>"))
          .isEqualTo("Page");
    });
  }

  @Test
  void aPageWithoutATitleTagHasNoTitle() {
    assertThat(title("<html><head><meta charset=utf-8></head><body><p>" + "text ".repeat(1000) + "</body>")).isNull();
    assertThat(title("<titlex>not one</titlex><p>title</p>")).isNull();
  }

  @Test
  void htmlStartTagEndsSvgContent() {
    assertThat(title("<svg><path d=M0></path><p><title>Real</title>")).isEqualTo("Real");
    assertThat(title("<svg></p><title>Real</title>")).isEqualTo("Real");
    assertThat(title("<math><mi>x</mi></math><title>Real</title>")).isEqualTo("Real");
  }

  @Test
  void closingTagMustEndAfterTheNameTitle() {
    assertThat(title("<title>a</titlex>b</title>")).isEqualTo("a</titlex>b");
    assertThat(title("<title>a</TITLE\tx=y>b")).isEqualTo("a");
    assertThat(title("<title>a</title")).isEqualTo("a</title");
  }

  @Test
  void titleInsideAnAttributeValueIsSkipped() {
    assertThat(title("<meta content=\"<title>x</title>\"><title>Real</title>")).isEqualTo("Real");
    assertThat(title("<meta content = '<title>x</title>'><title>Real</title>")).isEqualTo("Real");
    assertThat(title("<title data-x=\"a>b\">Real</title>")).isEqualTo("Real");
    assertThat(title("</p class=\"<title>x</title>\"><title>Real</title>")).isEqualTo("Real");
  }

  @Test
  void quoteOutsideAnAttributeValueIsText() {
    assertThat(title("<p a\"b><title>Real</title>")).isEqualTo("Real");
    assertThat(title("<p a=b\"c><title>Real</title>")).isEqualTo("Real");
    assertThat(title("<p =\"x><title>Real</title>")).isEqualTo("Real");
  }

  @Test
  void unterminatedAttributeValueAtTheEndHidesTheRest() {
    assertThat(title("<meta content=\"<title>x</title>")).isNull();
  }

  @Test
  void surrogateCharacterReferencesAndNulBecomeReplacementCharacters() {
    assertThat(title("<title>a&#xD800;b&#55296c&#xdfff;</title>")).isEqualTo("a\uFFFDb\uFFFDc\uFFFD");
    assertThat(title("<title>&#xD83D;&#xDE00; &#x1F600;</title>")).isEqualTo("\uFFFD\uFFFD \uD83D\uDE00");
    assertThat(title("<title>&#0;|a\u0000b</title>")).isEqualTo("\uFFFD|a\uFFFDb");
    assertThat(title("<title>&amp;#xD800; &#xD8000;</title>")).isEqualTo("&#xD800; " + Character.toString(0xD8000));
  }

  @Test
  void onlyHtmlWhitespaceEndsTheTagName() {
    assertThat(title("<title\u3000lang=ja>no</title>")).isNull();
    assertThat(title("<title\u000Blang=ja>no</title>")).isNull();
    assertThat(title("<title\flang=ja>yes</title>")).isEqualTo("yes");
  }

  @Test
  void pathologicalPagesAreScannedInLinearTime() {
    int n = 400_000;
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      assertThat(title("<script>" + "<!--<script>".repeat(n))).isNull();
      for (String unit : new String[] {"<!--", "<script>", "</script", "<svg>", "<a b='", "<!-", "</", "<a", "<"}) {
        assertThat(title(unit.repeat(n))).as(unit).isNull();
      }
      assertThat(title("<title>" + "</titl".repeat(n))).hasSize(6 * n);
      assertThat(title("<!-- " + "-!>".repeat(n))).isNull();
    });
  }

  @Test
  void titleInsideATemplateIsNotTheDocumentsTitle() {
    assertThat(title("<template><title>Tpl</title></template><title>Real</title>")).isEqualTo("Real");
    assertThat(title("<TEMPLATE id=t><title>Tpl</title></template>")).isNull();
    assertThat(title("<template/><title>Tpl</title></template><title>Real</title>")).isEqualTo("Real");
  }

  @Test
  void templatesNestAndAStrayTemplateEndTagIsIgnored() {
    assertThat(title("<template><template></template><title>Tpl</title></template><title>Real</title>"))
        .isEqualTo("Real");
    assertThat(title("</template><title>Real</title>")).isEqualTo("Real");
    assertThat(title("<template><title></template></title></template><title>Real</title>")).isEqualTo("Real");
    assertThat(title("<template><svg></template><title>Real</title>")).isEqualTo("Real");
  }

  @Test
  void everyKindOfSpaceCollapsesButControlsAndInvisibleCharactersStay() {
    assertThat(title("<title>A\u202fB\u2007C\u3000D\u00a0E\u200bF\u001fG\u0085H\u000bI\u2028</title>"))
        .isEqualTo("A B C D E\u200bF\u001fG H I");
    assertThat(title("<title>\u00a0&nbsp;&#x202F;x&#8199;&#x1F;y\u3000</title>")).isEqualTo("x \u001fy");
  }
}
