package dev.profilekit.aws.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.TokenRejectedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HostileTokenTest {

  static Stream<HostileTokens.Case> cases() {
    return HostileTokens.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void hostileTokenIsRejectedWithItsReasonAndTheMessageHoldsNoPartOfIt(HostileTokens.Case c) {
    CognitoTokenVerifier verifier = c.config().apply(HostileTokens.baseVerifier()).build();
    String token = c.token().get();

    assertThatThrownBy(() -> verifier.verify(token))
        .isInstanceOfSatisfying(
            TokenRejectedException.class,
            e -> {
              assertThat(e.reason()).as(c.name()).isEqualTo(c.reason());
              for (String part : token.trim().split("[. ]")) {
                if (part.length() >= 8) {
                  assertThat(e.getMessage()).doesNotContain(part);
                }
              }
            });
  }

  @Test
  void theTableHasAtLeastThirtyDistinctCases() {
    List<HostileTokens.Case> all = HostileTokens.all();
    assertThat(all).hasSizeGreaterThanOrEqualTo(30);
    assertThat(HostileTokens.names()).hasSize(all.size());
  }

  @Test
  void securityDocListsEveryHostileTokenWithItsReason() throws Exception {
    Path doc = Path.of("..", "docs", "security.md");
    if (!Files.exists(doc)) {
      doc = Path.of("docs", "security.md");
    }
    String text = Files.readString(doc);
    for (HostileTokens.Case c : HostileTokens.all()) {
      assertThat(text).as(c.name()).contains("| " + c.name() + " | `" + c.reason() + "` |");
    }
    assertThat(text).contains("**" + HostileTokens.all().size() + " tokens**");
  }

  @Test
  void theValidTokenEveryCaseIsDerivedFromIsAccepted() {
    CognitoTokenVerifier verifier = HostileTokens.baseVerifier().build();
    assertThat(verifier.verify(HostileTokens.valid()).userId()).isEqualTo("0f1e2d3c-user");
  }

  @Test
  void nullTokenIsMalformed() {
    CognitoTokenVerifier verifier = HostileTokens.baseVerifier().build();
    assertThatThrownBy(() -> verifier.verify(null))
        .isInstanceOfSatisfying(
            TokenRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(TokenRejectedException.Reason.MALFORMED));
  }
}
