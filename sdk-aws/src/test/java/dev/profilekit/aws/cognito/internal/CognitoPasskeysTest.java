package dev.profilekit.aws.cognito.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.internal.JsonText;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.document.Document;

/**
 * The WebAuthn JSON passes through the SDK's documents unchanged: what the browser sends reaches
 * Cognito member for member, and Cognito's options reach the browser as the JSON they were.
 */
class CognitoPasskeysTest {

  private static final String OPTIONS = "{\"challenge\":\"q83v\",\"rp\":{\"id\":\"auth.example.com\",\"name\":\"Ex \\\"ample\\\" \\\\ \\u00e9\\n\"},"
      + "\"pubKeyCredParams\":[{\"type\":\"public-key\",\"alg\":-7},{\"type\":\"public-key\",\"alg\":-257}],"
      + "\"timeout\":180000,\"ratio\":0.25,\"excludeCredentials\":[],\"hints\":null,\"extensions\":{\"credProps\":true,\"x\":false}}";

  @Test
  void jsonToDocumentAndBackIsTheSameValue() {
    Object parsed = JsonText.parse(OPTIONS);

    Document document = CognitoPasskeys.document(parsed);
    String written = CognitoPasskeys.json(document);

    assertThat(JsonText.parse(written)).isEqualTo(parsed);
    assertThat(document.asMap().get("timeout").asNumber().longValue()).isEqualTo(180000L);
    assertThat(document.asMap().get("pubKeyCredParams").asList().get(0).asMap().get("alg").asNumber().intValue()).isEqualTo(-7);
    assertThat(document.asMap().get("hints").isNull()).isTrue();
  }

  @Test
  void aDocumentAsTheSdkUnmarshalsItIsWrittenAsJson() {
    Document document = Document.fromMap(Map.of(
        "name", Document.fromString("line\u0001\"two\""),
        "numbers", Document.fromList(List.of(Document.fromNumber(-7), Document.fromNumber(new BigDecimal("1.5")))),
        "flag", Document.fromBoolean(true)));

    Object parsed = JsonText.parse(CognitoPasskeys.json(document));

    assertThat(parsed).isEqualTo(Map.of("name", "line\u0001\"two\"", "numbers", List.of(-7L, new BigDecimal("1.5")), "flag", true));
  }

  @Test
  void numbersKeepTheTextTheServiceSentAndEveryStringIsEscapedAsTheOneWriterDoes() {
    Document document = Document.fromMap(new LinkedHashMap<>(Map.of(
        "big", Document.fromNumber("12345678901234567890123"),
        "exp", Document.fromNumber("1.5E+3"),
        "text", Document.fromString("a\u2028b\u007f"))));

    String written = CognitoPasskeys.json(document);

    assertThat(written).contains("\"big\":12345678901234567890123").contains("\"exp\":1.5E+3")
        .contains("\\u2028").contains("\\u007f");
    assertThat(((Map<?, ?>) JsonText.parse(written)).get("text")).isEqualTo("a\u2028b\u007f");
  }
}
