package dev.profilekit.aws.cognito.internal;

import dev.profilekit.SignInStep;
import java.util.Optional;

/**
 * The result of a Cognito authentication step: tokens, or the next step to answer.
 *
 * @param tokens the tokens, when authentication completed
 * @param step the next step, when Cognito needs more
 */
public record AuthOutcome(Optional<CognitoTokens> tokens, Optional<SignInStep.Pending> step) {

  /** Checks that exactly one part is present. */
  public AuthOutcome {
    if (tokens.isPresent() == step.isPresent()) {
      throw new IllegalArgumentException("an outcome has either tokens or a next step");
    }
  }

  static AuthOutcome signedIn(CognitoTokens tokens) {
    return new AuthOutcome(Optional.of(tokens), Optional.empty());
  }

  static AuthOutcome next(SignInStep.Pending step) {
    return new AuthOutcome(Optional.empty(), Optional.of(step));
  }
}
