package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.fetch.ContentCodings.Coding;
import org.junit.jupiter.api.Test;

class ContentCodingsTest {

  @Test
  void aContentEncodingIsGzipOnlyWhenItListsOneGzipBesidesIdentities() {
    for (String gzip : new String[] {"gzip", " X-Gzip ", "identity, gzip", "gzip, identity", "gzip,", ", identity,GZIP"}) {
      assertThat(ContentCodings.of(gzip)).as(gzip).isEqualTo(Coding.GZIP);
    }
    for (String none : new String[] {null, "", " , ", "identity", "Identity, identity"}) {
      assertThat(ContentCodings.of(none)).as(none).isEqualTo(Coding.NONE);
    }
  }

  @Test
  void gzipMoreThanOnceOrBesideAnotherCodingAndAnyOtherRegisteredCodingIsNotDecoded() {
    for (String other : new String[] {"gzip, gzip", "gzip, br", "br, gzip", "deflate", "Br", "zstd", "compress",
        "x-compress", "identity, deflate", "gzip, x-foo", "x-foo, br", "dcb", "dcz", "aes128gcm", "exi", "pack200-gzip"}) {
      assertThat(ContentCodings.of(other)).as(other).isEqualTo(Coding.NOT_DECODED);
    }
  }

  @Test
  void tokensThatNameNoCodingAreUnknownAndReadAsSent() {
    for (String unknown : new String[] {"x-foo", "UTF-8", "utf-8, identity", "gzip;q=1", "brotli", "x-foo, bar"}) {
      assertThat(ContentCodings.of(unknown)).as(unknown).isEqualTo(Coding.UNKNOWN);
      assertThat(ContentCodings.notDecoded(unknown)).as(unknown).isNull();
    }
  }

  @Test
  void aCodingNotDecodedIsNamedInOneLine() {
    assertThat(ContentCodings.notDecoded(" br "))
        .isEqualTo("Content-Encoding 'br' is not decoded (crawlpipe asks for gzip only); body not read");
    assertThat(ContentCodings.notDecoded("gzip, gzip")).isEqualTo(
        "Content-Encoding 'gzip, gzip' is not decoded (crawlpipe asks for gzip only); body not read");
    assertThat(ContentCodings.notDecoded("gzip")).isNull();
    assertThat(ContentCodings.notDecoded(null)).isNull();
  }
}
