package dev.profilekit.aws.dynamodb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.ProfileUpdate;
import dev.profilekit.TokenUse;
import dev.profilekit.VerifiedUser;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * How the revocation clause joins a write's own condition. Which writes it lets through is the
 * contract's business (token writes after a sign-out, on the emulators); here, the text.
 */
class RevocationConditionTest {

  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

  private static final VerifiedUser TOKEN_USER = VerifiedUser.builder()
      .userId("u-1").username("u-1").tokenUse(TokenUse.ID).clientId("client").issuer("https://issuer")
      .issuedAt(NOW.minusSeconds(60)).expiresAt(NOW.plusSeconds(3600)).build();

  @Test
  void aPatchConditionIsJoinedWithoutParentheses() {
    UpdateExpression patch = UpdateExpressionBuilder.patch(ProfileUpdate.builder().displayName("Ada").build(), NOW);

    UpdateExpression guarded = RevocationCondition.of(TOKEN_USER).addTo(patch);

    assertThat(guarded.condition()).startsWith(patch.condition() + " AND attribute_not_exists(");
    assertThat(guarded.condition()).doesNotStartWith("(");
    // The sign-out clause itself needs its parentheses: it is an OR inside the AND.
    assertThat(guarded.condition()).contains(" AND (attribute_not_exists(");
    assertThat(guarded.names()).containsValues("version", "accountDeletedAt", "tokensValidAfter");
  }

  @Test
  void aConditionWithAnOrKeepsItsParenthesesWhateverTheCase() {
    assertThat(RevocationCondition.conjunction("attribute_exists(#a) OR attribute_exists(#b)", "C"))
        .isEqualTo("(attribute_exists(#a) OR attribute_exists(#b)) AND C");
    assertThat(RevocationCondition.conjunction("attribute_exists(#a) or #b = :b", "C"))
        .isEqualTo("(attribute_exists(#a) or #b = :b) AND C");
  }

  @Test
  void conditionsWithoutOrStayOneOperandAsTheyAre() {
    assertThat(RevocationCondition.conjunction("attribute_exists(#order) AND NOT (#e = :e AND #v = :v)", "C"))
        .isEqualTo("attribute_exists(#order) AND NOT (#e = :e AND #v = :v) AND C");
    assertThat(RevocationCondition.conjunction("#n BETWEEN :lo AND :hi", "C")).isEqualTo("#n BETWEEN :lo AND :hi AND C");
  }

  @Test
  void noConditionAddsNothing() {
    UpdateExpression patch = UpdateExpressionBuilder.patch(ProfileUpdate.builder().displayName("Ada").build(), NOW);

    assertThat(RevocationCondition.NONE.addTo(patch)).isSameAs(patch);
  }
}
