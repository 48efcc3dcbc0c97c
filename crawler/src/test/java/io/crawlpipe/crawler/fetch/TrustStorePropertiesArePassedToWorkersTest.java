package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** A worker JVM gets the parent's trust store properties, so that it trusts what the parent checked. */
class TrustStorePropertiesArePassedToWorkersTest {

  @Test
  void theTrustStorePropertiesSetAreOptionsAndNoOthers() {
    Properties properties = new Properties();
    properties.setProperty("javax.net.ssl.trustStore", "/etc/ssl/own.p12");
    properties.setProperty("javax.net.ssl.trustStorePassword", "changeit");
    properties.setProperty("javax.net.ssl.keyStore", "/etc/ssl/client.p12");
    properties.setProperty("user.home", "/root");
    assertThat(TrustStoreProperties.asOptions(properties)).containsExactly(
        "-Djavax.net.ssl.trustStore=/etc/ssl/own.p12", "-Djavax.net.ssl.trustStorePassword=changeit");
    assertThat(TrustStoreProperties.asOptions(new Properties())).isEmpty();
  }
}
