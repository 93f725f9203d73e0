package dev.profilekit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.profilekit.IdentityProvider;
import dev.profilekit.LinkedIdentity;
import dev.profilekit.TokenRejectedException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one parser of Cognito's identities, for the attribute (lenient) and the claim (strict). */
class CognitoIdentitiesTest {

  private static final String GOOGLE_AND_APPLE = "[{\"userId\":\"a-1\",\"providerName\":\"SignInWithApple\",\"providerType\":\"SignInWithApple\","
      + "\"primary\":\"false\",\"dateCreated\":1700000000000},"
      + "{\"userId\":\"g-1\",\"providerName\":\"Google\",\"providerType\":\"Google\",\"primary\":\"true\",\"dateCreated\":\"1700000001000\"}]";

  @Test
  void theStringAndTheArrayFormOfTheClaimMeanTheSame() {
    CognitoIdentities.Parsed fromString = CognitoIdentities.fromClaim(GOOGLE_AND_APPLE);
    CognitoIdentities.Parsed fromArray = CognitoIdentities.fromClaim(JsonText.parse(GOOGLE_AND_APPLE));

    assertThat(fromString).isEqualTo(fromArray);
    assertThat(fromString.identities()).extracting(LinkedIdentity::providerUserId).containsExactly("a-1", "g-1");
  }

  @Test
  void thePrimaryIdentityWinsOverTheFirst() {
    assertThat(CognitoIdentities.fromClaim(GOOGLE_AND_APPLE).primary()).contains(IdentityProvider.GOOGLE);
    assertThat(CognitoIdentities.fromClaim(List.of(Map.of("userId", "a-1", "providerName", "SignInWithApple"))).primary())
        .contains(IdentityProvider.APPLE);
  }

  @Test
  void dateCreatedIsReadAsANumberOrAStringOfDigits() {
    List<LinkedIdentity> identities = CognitoIdentities.fromAttribute(GOOGLE_AND_APPLE);

    assertThat(identities).extracting(identity -> identity.linkedAt().orElseThrow())
        .containsExactly(Instant.ofEpochMilli(1700000000000L), Instant.ofEpochMilli(1700000001000L));
    assertThat(CognitoIdentities.fromAttribute("[{\"userId\":\"g\",\"providerName\":\"Google\",\"dateCreated\":\"soon\"}]").get(0).linkedAt())
        .isEmpty();
  }

  @Test
  void aMalformedAttributeYieldsNothingButAMalformedClaimRejectsTheToken() {
    assertThat(CognitoIdentities.fromAttribute("[{\"userId\":")).isEmpty();
    assertThat(CognitoIdentities.fromAttribute("{\"userId\":\"g\"}")).isEmpty();

    assertThat(catchThrowableOfType(TokenRejectedException.class, () -> CognitoIdentities.fromClaim("[{\"userId\":")).reason())
        .isEqualTo(TokenRejectedException.Reason.MALFORMED);
    assertThat(catchThrowableOfType(TokenRejectedException.class, () -> CognitoIdentities.fromClaim(List.of("Google"))).reason())
        .isEqualTo(TokenRejectedException.Reason.MALFORMED);
  }

  @Test
  void entriesWithoutAProviderOrUserIdAreLeftOut() {
    assertThat(CognitoIdentities.fromAttribute("[{\"providerName\":\"Google\"},{\"userId\":\"x\",\"providerName\":\"\"},"
        + "{\"userId\":\"g\",\"providerName\":\"Google\"}]")).extracting(LinkedIdentity::providerUserId).containsExactly("g");
  }

  @Test
  void jsonTextRefusesWhatRfc8259Refuses() {
    for (String bad : List.of("", "[1,]", "{\"a\":1,\"a\":2}", "[01]", "\"unterminated", "[1] x", "[\"\u0001\"]")) {
      assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> JsonText.parse(bad))).as(bad).isNotNull();
    }
    assertThat(JsonText.parse(" {\"a\":[true,null,-1.5e2,\"\\u00e9\"]} ")).isEqualTo(
        Map.of("a", java.util.Arrays.asList(true, null, new java.math.BigDecimal("-1.5e2"), "é")));
  }
}
