package io.crawlpipe.parser.rules;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * An attribute as an XPath node ({@link JsoupNavigator}): jsoup's {@link Attribute} does not know
 * its element, and XPath needs it as the attribute's parent. Immutable.
 */
record XPathAttribute(Element owner, Attribute attribute) {}
