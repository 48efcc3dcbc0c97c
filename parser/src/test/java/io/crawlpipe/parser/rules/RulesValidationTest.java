package io.crawlpipe.parser.rules;

import static io.crawlpipe.parser.rules.TestRules.loadError;
import static io.crawlpipe.parser.rules.TestRules.oneRule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every problem in a rules file is one RulesException with a one-line, located message. */
class RulesValidationTest {

  /** The message for a file with one rule "board" (any URL) whose only field is "x". */
  private static String fieldError(String fieldSpecJson) {
    return loadError(board("{\"x\": " + fieldSpecJson + "}"));
  }

  private static String board(String fieldsJson) {
    return "{\"rules\": [{\"name\": \"board\", \"url\": \"*\", \"fields\": " + fieldsJson + "}]}";
  }

  @Test
  void missingFileIsReportedWithItsPath(@TempDir Path dir) {
    Path missing = dir.resolve("rules.json");
    assertThatThrownBy(() -> RuleSet.load(missing))
        .isInstanceOf(RulesException.class)
        .hasMessage(missing + ": cannot read rules file: no such file");
  }

  @Test
  void aDirectoryIsSaidToBeOneInTheWordsOfTheOtherFileProblems(@TempDir Path dir) {
    assertThatThrownBy(() -> RuleSet.load(dir))
        .isInstanceOf(RulesException.class)
        .hasMessage(dir + ": cannot read rules file: is a directory");
  }

  @Test
  void aFileLargerThanTheLimitIsRefusedWithoutBeingReadWhole(@TempDir Path dir) throws IOException {
    Path big = Files.write(dir.resolve("big.json"), new byte[(1 << 20) + 1]);
    assertThatThrownBy(() -> RulesLoader.load(big, 1 << 20))
        .isInstanceOf(RulesException.class)
        .hasMessage(big + ": cannot read rules file: larger than 1 MiB, which no rules file needs");
    Path fits = Files.writeString(dir.resolve("fits.json"),
        "{\"rules\": [{\"name\": \"a\", \"url\": \"*\", \"fields\": {\"t\": {\"css\": \"title\"}}}]}");
    assertThat(RulesLoader.load(fits, 80).rules()).hasSize(1);
  }

  @Test
  void anEmptyPathIsReportedAsSuchNotAsTheCurrentDirectory() {
    assertThatThrownBy(() -> RuleSet.load(Path.of("")))
        .isInstanceOf(RulesException.class)
        .hasMessage("'': cannot read rules file: the path is empty");
  }

  @Test
  void aPathIsNamedAsGivenSpacesIncluded() {
    Path spaced = Path.of(" crawlpipe-no-such-rules.json ");
    assertThatThrownBy(() -> RuleSet.load(spaced))
        .hasMessage(" crawlpipe-no-such-rules.json : cannot read rules file: no such file");
  }

  @Test
  void aRuleNameWithALineBreakStillGivesAOneLineError() {
    assertThat(loadError("{\"rules\": [{\"name\": \"a\\nb\", \"url\": \"*\", \"fields\": {\"x\": {\"regex\": \"(\"}}}]}"))
        .startsWith("rules.json: rule \"a b\" field \"x\": ").doesNotContain("\n");
  }

  @Test
  void invalidJsonIsReportedWithLineAndColumnOnOneLine(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("rules.json"), "{\"rules\": [\n  {\"name\" \"a\"}\n]}");
    assertThatThrownBy(() -> RuleSet.load(file))
        .isInstanceOf(RulesException.class)
        .hasMessage(file + ": invalid JSON at line 2, column 11: Unexpected character '\"':"
            + " was expecting a colon to separate property name and value")
        .hasMessageNotContaining("\n");
  }

  @Test
  void duplicateKeysAndTrailingGarbageAreInvalidJson() {
    assertThat(loadError("{\"rules\": [], \"rules\": []}")).startsWith("rules.json: invalid JSON at line 1, column ")
        .contains("Duplicate Object property \"rules\"");
    assertThat(loadError(board("{}") + " }")).startsWith("rules.json: invalid JSON at line 1, column ");
  }

  @Test
  void anEmptyFileIsSaidToBeEmpty(@TempDir Path dir) throws Exception {
    Path empty = Files.writeString(dir.resolve("rules.json"), "");
    assertThatThrownBy(() -> RuleSet.load(empty)).hasMessage(empty + ": the file is empty");
    assertThat(loadError(" \n\t")).isEqualTo("rules.json: the file is empty but for white space");
  }

  @Test
  void commentsAreRefusedAsCommentsNotWithJacksonsFeatureName() {
    assertThat(loadError("{\"rules\": [ // the board\n]}"))
        .isEqualTo("rules.json: invalid JSON at line 1, column 13: rules files are JSON: comments are not allowed");
    assertThat(loadError("/* rules */ {}"))
        .isEqualTo("rules.json: invalid JSON at line 1, column 1: rules files are JSON: comments are not allowed");
    assertThat(loadError("# rules\n{}"))
        .isEqualTo("rules.json: invalid JSON at line 1, column 1: rules files are JSON: comments are not allowed");
    assertThat(loadError("{\"rules\": # the board\n[]}"))
        .isEqualTo("rules.json: invalid JSON at line 1, column 11: rules files are JSON: comments are not allowed");
  }

  @Test
  void aYamlFileIsSaidToBeYamlNotJson(@TempDir Path dir) throws Exception {
    Path yaml = Files.writeString(dir.resolve("rules.yaml"), "# the board\nrules:\n  - name: board\n    url: '*'\n");
    assertThatThrownBy(() -> RuleSet.load(yaml))
        .hasMessage(yaml + ": invalid JSON at line 1, column 1: the file is not JSON (rules files are JSON, not YAML)");
    assertThat(loadError("---\nrules: []\n"))
        .isEqualTo("rules.json: invalid JSON at line 1, column 2: the file is not JSON (rules files are JSON, not YAML)");
    assertThat(loadError("- name: board\n"))
        .isEqualTo("rules.json: invalid JSON at line 1, column 2: the file is not JSON (rules files are JSON, not YAML)");
  }

  @Test
  void fileMustBeAnObjectWithANonEmptyRulesArrayAndNothingElse() {
    assertThat(loadError("[]")).isEqualTo("rules.json: the rules file must be a JSON object");
    assertThat(loadError("42")).isEqualTo("rules.json: the rules file must be a JSON object");
    assertThat(loadError("{\"rules\": []}")).isEqualTo("rules.json: \"rules\" must be a non-empty array of rules");
    assertThat(loadError("{\"rule\": []}")).isEqualTo("rules.json: unknown key \"rule\" (allowed here: rules)");
  }

  @Test
  void rulesNeedAUniqueNameAUrlAndFields() {
    assertThat(loadError("{\"rules\": [1]}")).isEqualTo("rules.json: rule #1: a rule must be a JSON object");
    assertThat(loadError("{\"rules\": [{\"url\": \"*\", \"fields\": {}}]}"))
        .isEqualTo("rules.json: rule #1: missing key \"name\"");
    assertThat(loadError("{\"rules\": [{\"name\": \" \", \"url\": \"*\", \"fields\": {}}]}"))
        .isEqualTo("rules.json: rule #1: \"name\" must not be blank");
    assertThat(loadError("{\"rules\": [{\"name\": \"board\", \"fields\": {}}]}"))
        .isEqualTo("rules.json: rule \"board\": missing key \"url\"");
    assertThat(loadError("{\"rules\": [{\"name\": \"board\", \"url\": \"*\"}]}"))
        .isEqualTo("rules.json: rule \"board\": missing key \"fields\"");
    assertThat(loadError("{\"rules\": [{\"name\": \"board\", \"url\": \"*\", \"fields\": {}, \"urls\": 1}]}"))
        .isEqualTo("rules.json: rule \"board\": unknown key \"urls\" (allowed here: fields, name, url)");
    String twice = "{\"rules\": [{\"name\": \"a\", \"url\": \"*\", \"fields\": {}}, {\"name\": \"a\", \"url\": \"*\", \"fields\": {}}]}";
    assertThat(loadError(twice)).isEqualTo("rules.json: rule \"a\": duplicate rule name (rule #1 has it too)");
  }

  @Test
  void urlPatternsMustCompile() {
    String rules = "{\"rules\": [{\"name\": \"board\", \"url\": \"regex:https://a/[\", \"fields\": {}}]}";
    assertThat(loadError(rules))
        .isEqualTo("rules.json: rule \"board\": url regex does not compile: Unclosed character class near index 10");
    assertThat(loadError("{\"rules\": [{\"name\": \"board\", \"url\": \"glob:\", \"fields\": {}}]}"))
        .isEqualTo("rules.json: rule \"board\": url pattern is empty");
  }

  @Test
  void aUrlPatternWithoutTheSchemeIsRefusedWithThePatternMeant() {
    assertThat(loadError("{\"rules\": [{\"name\": \"board\", \"url\": \"127.0.0.1:8000/board/*\", \"fields\": {}}]}"))
        .isEqualTo("rules.json: rule \"board\": url pattern \"127.0.0.1:8000/board/*\" matches no http or https URL:"
            + " a url pattern matches the whole URL, scheme included: try 'http://127.0.0.1:8000/board/*'");
    assertThat(urlError("glob://maoyan.com/board/*")).endsWith(": try 'glob:http://maoyan.com/board/*'");
    assertThat(urlError("regex:maoyan\\\\.com/board/\\\\d+")).endsWith(": try 'regex:https?://maoyan\\.com/board/\\d+'");
    assertThat(urlError("regex:^maoyan\\\\.com/.*")).endsWith(": try 'regex:^https?://maoyan\\.com/.*'");
    assertThat(urlError("HTTPS://maoyan.com/*")).endsWith(
        "matches no http or https URL: URLs have their scheme in lower case: try 'https://maoyan.com/*'");
    assertThat(urlError("ftp://example.com/*")).endsWith("matches no http or https URL: crawlpipe fetches only http and https URLs");
  }

  @Test
  void aUrlPatternThatCannotBeBroughtToTheAsciiFormOfUrlsIsRefused() {
    assertThat(urlError("http://*b\u00fccher.example/*")).isEqualTo("rules.json: rule \"board\": url pattern"
        + " \"http://*b\u00fccher.example/*\": host label \"*b\u00fccher\" mixes * with characters outside ASCII,"
        + " which cannot be converted to the xn-- form URLs have");
    assertThat(urlError("http://\ufffd.example/*"))
        .startsWith("rules.json: rule \"board\": url pattern \"http://\ufffd.example/*\": host \"\ufffd.example\" is not a valid host name: ");
    assertThat(urlError("regex:https://b\u00fccher\\\\.example/.*")).isEqualTo("rules.json: rule \"board\": url pattern"
        + " \"regex:https://b\u00fccher\\.example/.*\" holds \"\u00fc\", which a URL never does: write a host in its"
        + " xn-- form and other characters percent-encoded as UTF-8 (\"\u00fc\" is %C3%BC), or use a glob, which is converted");
  }

  private static String urlError(String pattern) {
    return loadError("{\"rules\": [{\"name\": \"board\", \"url\": \"" + pattern + "\", \"fields\": {}}]}");
  }

  @Test
  void fieldNeedsExactlyOneKind() {
    assertThat(fieldError("\"h1\"")).isEqualTo("rules.json: rule \"board\" field \"x\": a field must be a JSON object");
    assertThat(fieldError("{\"value\": \"text\"}")).isEqualTo(
        "rules.json: rule \"board\" field \"x\": needs exactly one of \"regex\", \"css\", \"xpath\", \"json\", \"builtin\"");
    assertThat(fieldError("{\"css\": \"a\", \"xpath\": \"//a\"}")).isEqualTo(
        "rules.json: rule \"board\" field \"x\": has 2 kinds; needs exactly one of \"regex\", \"css\", \"xpath\", \"json\", \"builtin\"");
  }

  @Test
  void unknownKeysNameTheKeysAllowedThere() {
    assertThat(fieldError("{\"css\": \"a\", \"attr\": \"href\"}")).isEqualTo("rules.json: rule \"board\" field \"x\": "
        + "unknown key \"attr\" (allowed here: all, css, item, replace, strip_prefix, strip_suffix, to, trim, value)");
    assertThat(fieldError("{\"json\": \"/a\", \"itme\": {}}")).isEqualTo("rules.json: rule \"board\" field \"x\": "
        + "unknown key \"itme\" (allowed here: item, json, replace, strip_prefix, strip_suffix, to, trim)");
    assertThat(fieldError("{\"builtin\": \"title\", \"trim\": true}"))
        .isEqualTo("rules.json: rule \"board\" field \"x\": unknown key \"trim\" (allowed here: builtin)");
    assertThat(fieldError("{\"regex\": \"(a)\", \"item\": {\"y\": {\"value\": \"${1}\", \"css\": \"p\"}}}"))
        .isEqualTo("rules.json: rule \"board\" field \"x.y\": "
            + "unknown key \"css\" (allowed here: replace, strip_prefix, strip_suffix, to, trim, value)");
  }

  @Test
  void regexMustCompile() {
    assertThat(fieldError("{\"regex\": \"<dd>(.*?\"}"))
        .isEqualTo("rules.json: rule \"board\" field \"x\": regex does not compile: Unclosed group near index 8");
  }

  @Test
  void templatesMayOnlyReferToGroupsThatExist() {
    String board = loadError(board("""
        {"movies": {"regex": "(a)(b)(c)(d)(e)(f)", "item": {"index": "${1}", "score": {"value": "${5}${7}"}}}}"""));
    assertThat(board).isEqualTo("rules.json: rule \"board\" field \"movies.score\": group ${7} does not exist (pattern has 6 groups)");
    assertThat(fieldError("{\"regex\": \"(a)\", \"value\": \"${2}\"}"))
        .isEqualTo("rules.json: rule \"board\" field \"x\": group ${2} does not exist (pattern has 1 group)");
    assertThat(fieldError("{\"regex\": \"(?<n>a)(?<name>b)\", \"value\": \"${title}\"}")).isEqualTo(
        "rules.json: rule \"board\" field \"x\": group ${title} does not exist (pattern has named groups n, name)");
    assertThat(fieldError("{\"regex\": \"(a)\", \"value\": \"${title}\"}"))
        .isEqualTo("rules.json: rule \"board\" field \"x\": group ${title} does not exist (pattern has no named groups)");
    assertThat(fieldError("{\"regex\": \"(a)\", \"value\": \"${1\"}"))
        .isEqualTo("rules.json: rule \"board\" field \"x\": unclosed \"${\" in template \"${1\"");
    assertThat(fieldError("{\"regex\": \"(a)\", \"value\": \"${}\"}"))
        .isEqualTo("rules.json: rule \"board\" field \"x\": empty group reference ${}");
  }

  @Test
  void selectorsAreCheckedAtLoadTime() {
    assertThat(fieldError("{\"css\": \"p[[\"}"))
        .isEqualTo("rules.json: rule \"board\" field \"x\": css selector \"p[[\" is invalid: Did not find balanced marker at '['");
    assertThat(fieldError("{\"xpath\": \"//p[\"}")).isEqualTo(
        "rules.json: rule \"board\" field \"x\": xpath \"//p[\" is invalid at column 5: unexpected end of expression");
    assertThat(fieldError("{\"xpath\": \"//p]\"}"))
        .isEqualTo("rules.json: rule \"board\" field \"x\": xpath \"//p]\" is invalid at column 4: Unexpected ']'");
  }

  @Test
  void refusesScrapyTextPseudoElementWithHint() {
    assertThat(fieldError("{\"css\": \"h1::text\"}")).isEqualTo("rules.json: rule \"board\" field \"x\": css selector"
        + " \"h1::text\" is invalid: ::text is Scrapy's, not CSS: leave it out (the value is the text by default)"
        + " or use \"value\": \"own_text\"");
    assertThat(fieldError("{\"css\": \"div.star *::text\", \"all\": true}"))
        .contains("css selector \"div.star *::text\" is invalid: ::text is Scrapy's, not CSS: leave it out");
    assertThat(fieldError("{\"css\": \"head > script[type=application/ld+json]::text\"}")).endsWith(
        " or use \"value\": \"own_text\"; \"value\": \"whole_text\" for a script's or style's content as written (JSON-LD)");
    assertThat(fieldError("{\"css\": \"script > p::text\"}")).endsWith(" or use \"value\": \"own_text\"");
  }

  @Test
  void refusesScrapyAttrPseudoElementWithHint() {
    assertThat(fieldError("{\"css\": \"a.next::attr(href)\"}")).isEqualTo("rules.json: rule \"board\" field \"x\":"
        + " css selector \"a.next::attr(href)\" is invalid: ::attr(href) is Scrapy's, not CSS: use \"value\": \"attr:href\"");
    assertThat(loadError(board("{\"m\": {\"css\": \"dd\", \"item\": {\"img\": {\"css\": \"img::attr( data-src )\"}}}}")))
        .isEqualTo("rules.json: rule \"board\" field \"m.img\": css selector \"img::attr( data-src )\" is invalid:"
            + " ::attr( data-src ) is Scrapy's, not CSS: use \"value\": \"attr:data-src\"");
  }

  @Test
  void refusesOtherPseudoElementsNamingScrapysEquivalents() {
    assertThat(fieldError("{\"css\": \"p::before\"}")).isEqualTo("rules.json: rule \"board\" field \"x\": css selector"
        + " \"p::before\" is invalid: ::before: pseudo-elements select no element (Scrapy's ::text: leave it out (the value"
        + " is the text by default) or use \"value\": \"own_text\"; ::attr(x): use \"value\": \"attr:x\")");
  }

  @Test
  void doubleColonsInQuotesOrParenthesesAreText() {
    String page = "<a href='urn::x'>a</a><p>std::vector</p><p>other</p>";
    assertThat(TestRules.field("{\"css\": \"a[href*='::']\", \"value\": \"attr:href\"}", page)).isEqualTo("urn::x");
    assertThat(TestRules.field("{\"css\": \"p:contains(std::vector)\"}", page)).isEqualTo("std::vector");
    assertThat(TestRules.field("{\"css\": \"p:matchesOwn(d::v)\"}", page)).isEqualTo("std::vector");
  }

  @Test
  void aLongQueryIsShortenedInItsMessage() {
    String query = "//a | ".repeat(3_000) + "'x'";

    String message = fieldError("{\"xpath\": \"" + query + "\"}");

    assertThat(message).isEqualTo("rules.json: rule \"board\" field \"x\": xpath \"" + query.substring(0, 80) + "…"
        + query.substring(query.length() - 30) + "\" (18,003 characters) is invalid: | unites node-sets, and \"x\" is not one");
  }

  @Test
  void aLongCssSelectorIsShortenedInJsoupsMessageToo() {
    String query = "div > p" + " ,".repeat(5_000);

    String message = fieldError("{\"css\": \"" + query + "\"}");

    assertThat(message).startsWith("rules.json: rule \"board\" field \"x\": css selector \"div > p , , ")
        .contains("\" (10,007 characters) is invalid: ").hasSizeLessThan(500);
  }

  /** Java syntax that RE2/J would accept with another meaning is refused, not silently read otherwise. */
  @Test
  void cssRegexSyntaxThatRe2ReadsOtherwiseIsRefused() {
    assertThat(fieldError("{\"css\": \"p:matches((?U)^\\\\w+$)\"}")).isEqualTo("rules.json: rule \"board\" field \"x\": "
        + "css selector \"p:matches((?U)^\\w+$)\" is invalid: (?U) in a CSS regex means ungreedy to RE2/J, which runs"
        + " CSS regexes, not Unicode classes as in Java (write \\p{L} and the like instead)");
    assertThat(fieldError("{\"css\": \"p[title~=(?iU)a]\"}")).contains("(?U) in a CSS regex");
    assertThat(fieldError("{\"css\": \"p:matchesOwn([a-z&&[^b]])\"}"))
        .endsWith("is invalid: a CSS regex cannot intersect classes (&&): RE2/J, which runs CSS regexes, reads && otherwise than Java");
    assertThat(RuleSet.parse(board("{\"x\": {\"css\": \"a[href*=&&]\"}}"), "rules.json").rules()).hasSize(1);
  }

  /** Regex pseudo-selectors run on RE2/J: constructs that need backtracking are refused when loaded. */
  @Test
  void regexPseudoSelectorsThatNeedBacktrackingAreRefusedAtLoadTime() {
    assertThat(fieldError("{\"css\": \"p:matches((a)\\\\1)\"}")).isEqualTo("rules.json: rule \"board\" field \"x\": "
        + "css selector \"p:matches((a)\\1)\" is invalid: Pattern syntax error: error parsing regexp: invalid escape sequence: `\\1`");
    assertThat(fieldError("{\"css\": \"p:matchesOwn(a(?=b))\"}")).startsWith(
        "rules.json: rule \"board\" field \"x\": css selector \"p:matchesOwn(a(?=b))\" is invalid: ");
    assertThat(RuleSet.parse(board("{\"x\": {\"css\": \"p:matches(^(a|b)+$)\"}}"), "rules.json").rules()).hasSize(1);
  }

  @Test
  void xpathMustYieldNodesAndUseOnlyKnownNames() {
    assertThat(fieldError("{\"xpath\": \"count(//p)\"}"))
        .isEqualTo("rules.json: rule \"board\" field \"x\": xpath \"count(//p)\" is invalid: it gives a number, not nodes");
    assertThat(fieldError("{\"xpath\": \"name(//p)\"}"))
        .isEqualTo("rules.json: rule \"board\" field \"x\": xpath \"name(//p)\" is invalid: it gives a string, not nodes");
    assertThat(fieldError("{\"xpath\": \"boolean(//p)\"}")).isEqualTo(
        "rules.json: rule \"board\" field \"x\": xpath \"boolean(//p)\" is invalid: it gives a boolean, not nodes");
    assertThat(fieldError("{\"xpath\": \"//p[$n]\"}")).isEqualTo("rules.json: rule \"board\" field \"x\": "
        + "xpath \"//p[$n]\" is invalid: it uses the variable $n, and rules files have no variables");
    assertThat(fieldError("{\"xpath\": \"//p[lower-case(.) = 'a']\"}")).isEqualTo("rules.json: rule \"board\" field \"x\": "
        + "xpath \"//p[lower-case(.) = 'a']\" is invalid: it calls lower-case(), which is not an XPath 1.0 function");
    assertThat(fieldError("{\"xpath\": \"//p[contains(., x:y(1))]\"}")).isEqualTo("rules.json: rule \"board\" field \"x\": "
        + "xpath \"//p[contains(., x:y(1))]\" is invalid: it calls x:y(), which is not an XPath 1.0 function");
  }

  @Test
  void xpathFunctionsAreCalledAsXPathDefinesThem() {
    assertThat(xpathProblem("//p[contains(.)]")).isEqualTo("it calls contains() with 1 argument, and contains() takes 2");
    assertThat(xpathProblem("//p[substring(., 1, 2, 3)]"))
        .isEqualTo("it calls substring() with 4 arguments, and substring() takes 2 or 3");
    assertThat(xpathProblem("//p[concat(.)]")).isEqualTo("it calls concat() with 1 argument, and concat() takes 2 or more");
    assertThat(xpathProblem("//p[count('a') > 1]")).isEqualTo("it calls count(\"a\"), and count() takes a node-set");
    assertThat(xpathProblem("//p[name(1 + 1)]")).isEqualTo("it calls name((1 + 1)), and name() takes a node-set");
    assertThat(xpathProblem("//p[document('x')]")).isEqualTo("it calls document(), which is not an XPath 1.0 function");
    assertThat(xpathProblem("//p | 'b'")).isEqualTo("| unites node-sets, and \"b\" is not one");
    assertThat(xpathProblem("//p | count(.//a/@href | ../b[1.5])"))
        .isEqualTo("| unites node-sets, and count((.//a/@href | ../b[1.5])) is not one");
    assertThat(xpathProblem("//p | concat('child::x', 2.0)")).isEqualTo("| unites node-sets, and concat(\"child::x\", 2) is not one");
    assertThat(xpathProblem("//p | count(//v-1.0 | //item-10.0/a)"))
        .isEqualTo("| unites node-sets, and count((//v-1.0 | //item-10.0/a)) is not one");
    assertThat(xpathProblem("//p | sum(//a[10000000] | //b[0.0001])"))
        .isEqualTo("| unites node-sets, and sum((//a[10000000] | //b[0.0001])) is not one");
    assertThat(xpathProblem("//p | count(self::node()[1] | parent::node()[2] | ..)"))
        .isEqualTo("| unites node-sets, and count(((self::node()[1] | parent::node()[2]) | ..)) is not one");
    assertThat(xpathProblem("('a')/b")).isEqualTo("a path goes on from \"a\", which is not a node-set");
    assertThat(xpathProblem("//li/namespace::*"))
        .isEqualTo("it uses the namespace axis, and HTML as parsed has no namespace nodes");
    assertThat(xpathProblem("//p[count(id('a') | //b) > sum(//i)][name(..) = local-name()]")).isNull();
  }

  @Test
  void xpathNestingIsBoundedButLongChainsLoad() {
    String deep = "//p" + "[.".repeat(XPathCheck.MAX_NESTING + 1) + "]".repeat(XPathCheck.MAX_NESTING + 1);
    assertThat(xpathProblem(deep)).isEqualTo("it nests more than 100 deep");
    String deeper = "//p[" + "not(".repeat(5_000) + "1" + ")".repeat(5_000) + "]";
    assertThat(xpathProblem(deeper)).isEqualTo("it nests too deeply");
    assertThat(xpathProblem("//a" + " | //a".repeat(20_000))).isNull();
    assertThat(xpathProblem("//p[1" + " and 1".repeat(20_000) + "]")).isNull();
  }

  /** What is wrong with an xpath field, as its load error says; null when it loads. */
  private static String xpathProblem(String xpath) {
    String prefix = "rules.json: rule \"board\" field \"x\": xpath " + Snippet.quoted(xpath) + " is invalid: ";
    try {
      RuleSet.parse(board("{\"x\": {\"xpath\": \"" + xpath.replace("\"", "\\\"") + "\"}}"), "rules.json");
      return null;
    } catch (RulesException e) {
      assertThat(e.getMessage()).startsWith(prefix);
      return e.getMessage().substring(prefix.length());
    }
  }

  @Test
  void valueOptionsAreChecked() {
    assertThat(fieldError("{\"css\": \"a\", \"value\": \"href\"}")).isEqualTo("rules.json: rule \"board\" field \"x\": "
        + "\"value\" must be text, whole_text, own_text, html, inner_html, attr:NAME or abs:NAME, was \"href\"");
    assertThat(fieldError("{\"css\": \"a\", \"to\": \"int\"}"))
        .isEqualTo("rules.json: rule \"board\" field \"x\": \"to\" must be \"number\", was \"int\"");
    assertThat(fieldError("{\"css\": \"a\", \"trim\": \"yes\"}"))
        .isEqualTo("rules.json: rule \"board\" field \"x\": \"trim\" must be true or false");
    assertThat(fieldError("{\"css\": \"a\", \"replace\": {\",\": 1}}"))
        .isEqualTo("rules.json: rule \"board\" field \"x\": \"replace\" values must be strings");
    assertThat(fieldError("{\"css\": 1}")).isEqualTo("rules.json: rule \"board\" field \"x\": \"css\" must be a string");
  }

  @Test
  void itemsNeedFieldsOfTheRightKindAndNoValueSteps() {
    assertThat(fieldError("{\"css\": \"li\", \"trim\": true, \"item\": {\"a\": {\"css\": \"a\"}}}")).isEqualTo(
        "rules.json: rule \"board\" field \"x\": \"trim\" cannot be combined with \"item\" (put it on the item's fields)");
    assertThat(fieldError("{\"css\": \"li\", \"item\": {}}"))
        .isEqualTo("rules.json: rule \"board\" field \"x\": \"item\" must have at least one field");
    assertThat(fieldError("{\"css\": \"li\", \"item\": {\"a\": {\"all\": true}}}"))
        .isEqualTo("rules.json: rule \"board\" field \"x.a\": needs exactly one of \"css\", \"xpath\"");
  }

  @Test
  void anItemSubFieldOfAKindTheContainerDoesNotTakeIsNamedAsSuch() {
    assertThat(fieldError("{\"css\": \"li\", \"item\": {\"a\": {\"regex\": \"a\"}}}")).isEqualTo("rules.json: rule"
        + " \"board\" field \"x.a\": \"regex\" is not allowed in the item of a css container (its fields are \"css\""
        + " or \"xpath\", relative to each element)");
    assertThat(fieldError("{\"xpath\": \"//li\", \"item\": {\"a\": {\"builtin\": \"links\"}}}")).endsWith(
        "\"builtin\" is not allowed in the item of an xpath container (its fields are \"css\" or \"xpath\", relative to each element)");
    assertThat(fieldError("{\"json\": \"/list\", \"item\": {\"a\": {\"css\": \"a\"}}}")).isEqualTo("rules.json: rule"
        + " \"board\" field \"x.a\": \"css\" is not allowed in the item of a json container (its fields are \"json\""
        + " pointers, relative to each array element)");
    assertThat(fieldError("{\"regex\": \"(a)\", \"item\": {\"y\": 5}}")).isEqualTo("rules.json: rule \"board\" field"
        + " \"x.y\": an item field of a regex must be a template string (\"${1}\") or a JSON object ({\"value\": \"${1}\", ...steps})");
  }

  @Test
  void aValueOnAnXPathThatSelectsNoElementIsRefusedWithTheElementQuery() {
    assertThat(fieldError("{\"xpath\": \"//a/@href\", \"value\": \"abs:href\"}")).isEqualTo("rules.json: rule \"board\""
        + " field \"x\": \"value\" applies to elements, and xpath \"//a/@href\" selects attributes:"
        + " write \"xpath\": \"//a\" with \"value\": \"abs:href\"");
    assertThat(fieldError("{\"xpath\": \"//pre/text()\", \"value\": \"whole_text\"}")).endsWith(
        "\"value\" applies to elements, and xpath \"//pre/text()\" selects text nodes:"
            + " write \"xpath\": \"//pre\" with \"value\": \"whole_text\"");
    assertThat(fieldError("{\"xpath\": \"//@title | //comment() | (//p)[1]/text()\", \"value\": \"html\"}")).endsWith(
        " selects attributes, text nodes and comments: leave \"value\" out (an attribute gives its value, a text node its text)");
    for (String mayBeElements : new String[] {"//h1/@id | //h1", "//@id/..", "id('x')", "/", ".", "(//p)[1]", "//p/node()"}) {
      TestRules.parser("{\"f\": {\"xpath\": \"" + mayBeElements + "\", \"value\": \"html\"}}");
    }
  }

  @Test
  void anItemContainerXPathThatSelectsNoElementIsRefused() {
    assertThat(fieldError("{\"xpath\": \"//a/@href\", \"item\": {\"u\": {\"xpath\": \".\"}}}")).isEqualTo("rules.json:"
        + " rule \"board\" field \"x\": \"item\" needs elements to hold its fields, and xpath \"//a/@href\" selects"
        + " attributes: select \"//a\" and read the attribute in a sub-field, {\"xpath\": \".\", \"value\": \"attr:href\"}");
    assertThat(fieldError("{\"xpath\": \"//text()\", \"item\": {\"u\": {\"xpath\": \".\"}}}"))
        .endsWith("xpath \"//text()\" selects text nodes: select elements");
  }

  @Test
  void jsonPointersAndBuiltinNamesAreChecked() {
    assertThat(fieldError("{\"json\": \"data/items\"}")).isEqualTo(
        "rules.json: rule \"board\" field \"x\": json pointer \"data/items\" is invalid: it must be empty or start with \"/\"");
    for (String pointer : new String[] {"/a/~2", "/a~", "/~01/~"}) {
      assertThat(fieldError("{\"json\": \"" + pointer + "\"}")).isEqualTo("rules.json: rule \"board\" field \"x\": json pointer \""
          + pointer + "\" is invalid: \"~\" must be followed by 0 or 1 (\"~0\" stands for \"~\", \"~1\" for \"/\")");
    }
    assertThat(fieldError("{\"builtin\": \"headings\"}")).isEqualTo(
        "rules.json: rule \"board\" field \"x\": unknown builtin \"headings\" (known: canonical, description, links, title)");
  }

  @Test
  void theFirstProblemInFileOrderIsReported() {
    String rules = oneRule("{\"ok\": {\"css\": \"a\"}, \"bad1\": {\"css\": \"[\"}, \"bad2\": {\"regex\": \"(\"}}");
    assertThat(loadError(rules)).startsWith("rules.json: rule \"r\" field \"bad1\": css selector");
  }
}
