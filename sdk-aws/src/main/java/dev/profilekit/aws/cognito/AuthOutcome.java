package dev.profilekit.aws.cognito;

import dev.profilekit.AuthChallenge;
import java.util.Optional;

/**
 * The result of a Cognito authentication step: tokens, or a challenge to answer.
 *
 * @param tokens the tokens, when authentication completed
 * @param challenge the challenge, when Cognito needs more
 */
public record AuthOutcome(Optional<CognitoTokens> tokens, Optional<AuthChallenge> challenge) {

  /** Checks that exactly one part is present. */
  public AuthOutcome {
    if (tokens.isPresent() == challenge.isPresent()) {
      throw new IllegalArgumentException("an outcome has either tokens or a challenge");
    }
  }
}
