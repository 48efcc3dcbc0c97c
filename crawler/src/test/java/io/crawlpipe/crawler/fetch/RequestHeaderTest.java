package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequestHeaderTest {

  @Test
  void parsesNameColonValueAsCurlDoesTrimmingTheValue() {
    assertThat(RequestHeader.parse("Accept-Language:  de-CH, de;q=0.9 ")).isEqualTo(new RequestHeader("Accept-Language",
        "de-CH, de;q=0.9"));
    assertThat(RequestHeader.parse("X-Ratio: a:b").value()).isEqualTo("a:b");
    assertThat(RequestHeader.parse("X-Empty:").line()).isEqualTo("X-Empty: ");
    assertThat(RequestHeader.parse("X-Empty;")).isEqualTo(new RequestHeader("X-Empty", ""));
  }

  @Test
  void aLineWithoutAColonOrANameThatIsNotATokenIsRefused() {
    assertThatThrownBy(() -> RequestHeader.parse("Accept text/html"))
        .hasMessage("'Accept' has no ':' before its value (write NAME: VALUE)");
    assertThatThrownBy(() -> RequestHeader.parse("X-Api-Key=SECRET")).hasMessageNotContaining("SECRET")
        .hasMessage("'X-Api-Key' has no ':' before its value (write NAME: VALUE)");
    for (String separator : List.of(";", "/", "\"", ",", " ")) {
      assertThatThrownBy(() -> RequestHeader.parse("X-Api-Key" + separator + "SECRET")).hasMessageNotContaining("SECRET")
          .hasMessage("'X-Api-Key' has no ':' before its value (write NAME: VALUE)");
    }
    assertThatThrownBy(() -> RequestHeader.parse("X-Api-Key;SECRET;")).hasMessageNotContaining("SECRET")
        .hasMessage("'X-Api-Key' has no ':' before its value (write NAME: VALUE)");
    assertThat(RequestHeader.parse("X-Empty;")).isEqualTo(new RequestHeader("X-Empty", ""));
    assertThatThrownBy(() -> RequestHeader.parse("X-Only")).hasMessage("'X-Only' is not NAME: VALUE");
    assertThatThrownBy(() -> RequestHeader.parse("Accept : text/html"))
        .hasMessageStartingWith("'Accept ' is not a header name");
    assertThatThrownBy(() -> RequestHeader.parse(": x")).hasMessageStartingWith("'' is not a header name");
    assertThatThrownBy(() -> RequestHeader.parse("X\u0001Y: x")).hasMessageStartingWith("'X?Y' is not a header name");
  }

  @Test
  void aValueThatIsNotPrintableAsciiIsRefused() {
    assertThatThrownBy(() -> RequestHeader.parse("X-Note: a\rb")).hasMessage("X-Note's value contains a control character");
    assertThatThrownBy(() -> RequestHeader.parse("X-Note: 😀"))
        .hasMessage("X-Note's value contains '😀' (U+1F600): header values are ASCII");
    assertThat(RequestHeader.parse("X-Note: a\tb").value()).isEqualTo("a\tb");
  }

  @Test
  void headersTheClientSetsAndCredentialsAreRefusedWhateverTheirCase() {
    assertThatThrownBy(() -> RequestHeader.parse("HOST: a.test")).hasMessage("HOST is refused: it is set from each URL");
    assertThatThrownBy(() -> RequestHeader.parse("accept-encoding: br")).hasMessageStartingWith("accept-encoding is refused");
    assertThatThrownBy(() -> RequestHeader.parse("Authorization: Bearer t"))
        .hasMessageContaining("crawlpipe sends no credentials");
    assertThatThrownBy(() -> RequestHeader.parse("Proxy-Authorization: Basic x")).hasMessageContaining("--proxy");
    assertThatThrownBy(() -> RequestHeader.parse("Transfer-Encoding: chunked"))
        .hasMessage("Transfer-Encoding is refused: the HTTP client sets it");
  }

  @Test
  void itsTextShowsTheNameButNotTheValueWhichMayBeAKey() {
    assertThat(RequestHeader.parse("X-Api-Key: s3cret")).hasToString("X-Api-Key: …");
  }

  @Test
  void aNullLineOrValueIsRefusedNamingIt() {
    assertThatThrownBy(() -> RequestHeader.parse(null)).isInstanceOf(NullPointerException.class).hasMessage("line");
    assertThatThrownBy(() -> RequestHeader.valueProblem(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("value");
  }
}
