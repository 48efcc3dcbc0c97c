package io.crawlpipe.parser.rules;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * An attribute as an XPath node ({@link JsoupNavigator}): jsoup's {@link Attribute} does not know
 * its element, and XPath needs it as the attribute's parent. Immutable.
 *
 * @param index the attribute's place among its element's attributes, for {@link DocumentOrder}
 */
record XPathAttribute(Element owner, Attribute attribute, int index) {}
