package io.crawlpipe.parser.rules;

import static io.crawlpipe.parser.rules.TestRules.loadError;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rules file that is not JSON is refused in the user's terms, read from a file or from text alike. */
class RulesJsonTest {
  @TempDir
  Path dir;

  /** The message of loading these contents from a UTF-8 file named rules.json (Jackson reads bytes there). */
  private String fileError(String contents) {
    return fileError(contents.getBytes(StandardCharsets.UTF_8));
  }

  private String fileError(byte[] contents) {
    try {
      Path file = Files.write(dir.resolve("rules.json"), contents);
      RuleSet.load(file);
    } catch (RulesException e) {
      return e.getMessage().replace(dir.resolve("rules.json").toString(), "rules.json");
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("rules loaded without error");
  }

  /** The same message from text and from a file, which Jackson reads by different parsers. */
  private String error(String contents) {
    String fromText = loadError(contents);
    assertThat(fileError(contents)).isEqualTo(fromText);
    return fromText;
  }

  @Test
  void aMismatchedBracketSaysWhereTheArrayOpenedWithoutJacksonsSource() {
    assertThat(error("{\n  \"rules\": [ }\n")).isEqualTo(
        "rules.json: invalid JSON at line 2, column 14: expected ']' to close the array opened at line 2, column 12, found '}'");
    assertThat(error("{\"rules\": [{\"name\": \"a\"]}")).isEqualTo(
        "rules.json: invalid JSON at line 1, column 24: expected '}' to close the object opened at line 1, column 12, found ']'");
  }

  @Test
  void aFileThatEndsInsideABracketSaysWhereItOpened() {
    assertThat(error("{\"rules\": [{\"name\": \"[{\"}, 2")).isEqualTo(
        "rules.json: invalid JSON at line 1, column 29: the file ends before the array opened at line 1, column 11 is closed");
  }

  @Test
  void tooDeepANestingIsLocatedAtItsFirstBracketTooDeep() {
    assertThat(error("{\"a\":\n" + "[".repeat(600))).isEqualTo(
        "rules.json: invalid JSON at line 2, column 500: nested more than 500 arrays and objects deep");
    assertThat(error("{\"s\": \"[{\\\"[\", \"t\": [[]],\n \"a\": " + "[".repeat(600))).as("brackets in strings and closed ones")
        .isEqualTo("rules.json: invalid JSON at line 2, column 506: nested more than 500 arrays and objects deep");
  }

  @Test
  void noParseErrorShowsJacksonsInternals() {
    List<String> broken = List.of("{\"rules\": [ }", "{\"rules\": [1, 2", "{\"a\": ]}", "{\"a\" 1}", "{\"a\": tru}",
        "{\"a\": \"x\ny\"}", "{\"a\": \"x\ty\"}", "{\"a\": \"x\u0001\"}", "{\"a\": 01}", "{\"a\": [1 2]}", "{\"a\": 1}}",
        "{\"a\": 'x'}", "{a: 1}", "{\"a\": \"x", "{\"a\": -}", "{\"a\": \"\\u12\"}", "{\"a\": NaN}", "{\"a\": [1,,2]}",
        "{\"a\": 1} {\"b\": 2}", "{\"a\":\u0001 1}", "{\"a\":0x10}", "{\"a\":1}\u007f");
    for (String json : broken) {
      for (String message : List.of(loadError(json), fileError(json))) {
        assertThat(message).as(json).startsWith("rules.json: invalid JSON at line 1, column ")
            .doesNotContain("[Source:", "REDACTED", "byte offset", "#UNKNOWN", "(code ", "`", "VALUE_STRING", "\n");
      }
    }
    assertThat(error("{\"a\": \"x\ny\"}")).endsWith(
        "column 9: a line break inside a string: JSON writes it as \\n (or is a closing quote missing?)");
    assertThat(error("{\"a\": 'x'}")).endsWith("column 7: a single quote: JSON strings are in double quotes");
    assertThat(error("{'a': 1}")).endsWith("column 2: a single quote: JSON strings are in double quotes");
    assertThat(error("{\"a\": NaN}")).endsWith("column 10: Non-standard token 'NaN'");
    assertThat(error("{\"a\": \"x")).endsWith("column 9: Unexpected end-of-input: was expecting closing quote for a string value");
    assertThat(error("{\"a\": 1} {\"b\": 2}")).endsWith("column 10: more after the first JSON value (a rules file is one object)");
    assertThat(error("{\"a\":0x10}")).endsWith("a hexadecimal number: JSON numbers are decimal");
    assertThat(error("{\"a\":\u0001 1}")).endsWith("column 6: control character U+0001 between values: only spaces, tabs and line breaks may be there");
    assertThat(error("{\"a\": \"x\u0001y\"}")).as("no backslash-u in the message, which a crawl: line would escape")
        .endsWith("column 9: control character U+0001 inside a string: JSON writes it escaped, as a backslash then u0001");
  }

  @Test
  void anyTextAfterTheRulesObjectIsMoreAfterTheFirstValueAtWhereItStarts() {
    String rules = "{\"rules\": [{\"name\": \"a\", \"url\": \"*\", \"fields\": {}}]}"; // 52 characters
    String more = "more after the first JSON value (a rules file is one object)";
    for (String after : List.of(" extra", " {\"x\": 1}", " ]", " }", " 'x'", " \"open", " -", " \u007f", " 1x", " tru")) {
      assertThat(error(rules + after)).as(after).isEqualTo("rules.json: invalid JSON at line 1, column 54: " + more);
    }
    assertThat(error(rules + "\n\n  extra")).isEqualTo("rules.json: invalid JSON at line 3, column 3: " + more);
    String wide = rules.replace("\"a\"", "\"主演\"") + " 主演"; // columns count characters, a BOM none
    assertThat(fileError("\uFEFF" + wide)).isEqualTo("rules.json: invalid JSON at line 1, column 55: " + more);
    assertThat(fileError(wide.getBytes(StandardCharsets.UTF_16LE)))
        .isEqualTo("rules.json: invalid JSON at line 1, column 55: " + more);
    // a comment there is still named as one
    assertThat(error(rules + "\n// the end")).endsWith(": rules files are JSON: comments are not allowed");
    assertThat(error(rules + " # the end")).endsWith(": rules files are JSON: comments are not allowed");
  }

  @Test
  void aTrailingCommaIsNamedAsSuch() {
    assertThat(error("{\"rules\": [{\"name\": \"a\", \"url\": \"*\", \"fields\": {}},]}")).isEqualTo(
        "rules.json: invalid JSON at line 1, column 51: a trailing comma before ']' (JSON allows none)");
    assertThat(error("{\"rules\": [{\"name\": \"a\",}]}"))
        .isEqualTo("rules.json: invalid JSON at line 1, column 24: a trailing comma before '}' (JSON allows none)");
    assertThat(error("{\"rules\": [\n  {\"name\": \"a\"},\r\n\t\n]}"))
        .isEqualTo("rules.json: invalid JSON at line 2, column 16: a trailing comma before ']' (JSON allows none)");
  }

  @Test
  void aSingleBackslashInAStringGetsTheDoubledBackslashHint() {
    assertThat(error("{\"rules\": [{\"name\": \"a\", \"url\": \"*\", \"fields\": {\"p\": {\"regex\": \"\\d+\"}}}]}"))
        .isEqualTo("rules.json: invalid JSON at line 1, column 65: \\d is not a JSON escape:"
            + " in JSON a backslash is written twice (\"\\\\d\" for the regex \\d)");
  }

  @Test
  void aFileThatIsNotUtf8SaysSoAtItsFirstForeignByte() {
    byte[] latin1 = "{\"rules\":[{\"name\":\"\u00e9t\u00e9\",\"url\":\"*\",\"fields\":{}}]}".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(fileError(latin1)).isEqualTo("rules.json: line 1, column 20: the file is not UTF-8 (byte 0xE9; save it as UTF-8)");
    // a lead byte followed by a quote, not a continuation byte, on line 2 after two CJK characters
    byte[] before = "{\"rules\": [\n {\"name\": \"主演\", \"x\": \"".getBytes(StandardCharsets.UTF_8);
    byte[] broken = java.util.Arrays.copyOf(before, before.length + 5);
    System.arraycopy(new byte[] {(byte) 0xC3, '"', '}', ']', '}'}, 0, broken, before.length, 5);
    assertThat(fileError(broken)).isEqualTo("rules.json: line 2, column 23: the file is not UTF-8 (byte 0xC3; save it as UTF-8)");
  }

  @Test
  void aUtf16OrUtf32FileGetsTheSameMessagesAsUtf8() {
    String comma = "{\"rules\": [\n  {\"name\": \"主演\"},\r\n\t\n]}";
    String bracket = "{\n  \"rules\": [ }\n";
    for (String charset : List.of("UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE")) {
      for (String bom : List.of("", "\uFEFF")) {
        for (String json : List.of(comma, bracket)) {
          assertThat(fileError((bom + json).getBytes(java.nio.charset.Charset.forName(charset))))
              .as(charset + (bom.isEmpty() ? "" : " with a BOM")).isEqualTo(error(json));
        }
      }
    }
  }

  @Test
  void columnsCountCharactersNotTheBytesOfUtf8() {
    String json = "{\"rules\": [{\"name\": \"主演：\" \"url\": \"*\"}]}";
    assertThat(error(json)).startsWith("rules.json: invalid JSON at line 1, column 27: ");
    assertThat(fileError("\uFEFF" + json)).startsWith("rules.json: invalid JSON at line 1, column 27: ");
    assertThat(fileError("\uFEFF{\"a\": 1,}")).isEqualTo(
        "rules.json: invalid JSON at line 1, column 8: a trailing comma before '}' (JSON allows none)");
  }
}
