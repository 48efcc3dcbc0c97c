package io.crawlpipe.parser.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.junit.jupiter.api.Test;

class DocumentOrderTest {
  private static final String HTML = """
      <html><head><title>T</title></head><body class=b id=main>
      <ul data-z=1 data-a=2><li>one<b>!</b></li><li id=two>two</li></ul><!--c--><p>end</p>
      </body></html>""";

  /** Every node with, right after each element, its attributes as written. */
  private static List<Object> inDocumentOrder(Document document) {
    List<Object> nodes = new ArrayList<>();
    NodeTraversor.traverse((node, depth) -> {
      nodes.add(node);
      if (!(node instanceof Element element)) return;
      List<Attribute> attributes = element.attributes().asList();
      for (int i = 0; i < attributes.size(); i++) nodes.add(new XPathAttribute(element, attributes.get(i), i));
    }, document);
    return nodes;
  }

  @Test
  void sortsShuffledNodesAndAttributesIntoDocumentOrder() {
    List<Object> expected = inDocumentOrder(Jsoup.parse(HTML));
    for (long seed = 0; seed < 20; seed++) {
      List<Object> shuffled = new ArrayList<>(expected);
      Collections.shuffle(shuffled, new Random(seed));
      shuffled.sort(new DocumentOrder(Deadline.never()));
      assertThat(shuffled).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void anAncestorAndItsAttributesComeBeforeItsDescendants() {
    Document document = Jsoup.parse(HTML);
    Element body = document.body();
    Node text = document.selectFirst("b").childNode(0);
    XPathAttribute id = new XPathAttribute(body, body.attributes().asList().get(1), 1);
    DocumentOrder order = new DocumentOrder(Deadline.never());

    assertThat(order.compare(body, text)).isNegative();
    assertThat(order.compare(text, body)).isPositive();
    assertThat(order.compare(id, text)).isNegative();
    assertThat(order.compare(body, id)).isNegative();
    assertThat(order.compare(text, text)).isZero();
  }

  @Test
  void eachStepUpTheTreeCountsAgainstTheDeadline() {
    Document deep = Jsoup.parse("<div>".repeat(300) + "<p>a</p><p>b</p>");
    Element first = deep.select("p").first();
    Element second = deep.select("p").last();
    long[] now = {0};
    DocumentOrder order = new DocumentOrder(new Deadline(() -> now[0]++, 100, 1));

    assertThatThrownBy(() -> order.compare(second, first)).isInstanceOf(Deadline.Expired.class);
  }
}
