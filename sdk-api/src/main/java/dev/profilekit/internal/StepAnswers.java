package dev.profilekit.internal;

import dev.profilekit.FirstFactor;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.SignInAnswer;
import dev.profilekit.SignInStep;

/**
 * Whether an answer fits the step it answers: checked by both implementations before anything
 * else, so a mismatch is the same {@link InvalidRequestException} everywhere and costs no call.
 */
public final class StepAnswers {

  private StepAnswers() {}

  /**
   * Checks that the answer answers the step: the step is still pending, the answer is of a type
   * that answers its kind, and a choice is one of the step's options.
   *
   * @param step the step being answered
   * @param answer the answer
   * @return the step, as a pending one
   * @throws InvalidRequestException naming {@code step} or {@code answer} and the rule broken
   */
  public static SignInStep.Pending check(SignInStep step, SignInAnswer answer) {
    if (step == null) {
      throw new InvalidRequestException("step", RequestChecks.REQUIRED, "the step signIn or respond returned");
    }
    if (answer == null) {
      throw new InvalidRequestException("answer", RequestChecks.REQUIRED, "a SignInAnswer");
    }
    if (!(step instanceof SignInStep.Pending pending)) {
      throw new InvalidRequestException("step", RequestChecks.PENDING, "a step still to be answered; this sign-in is done");
    }
    if (!answer.type().answers(step.kind())) {
      throw new InvalidRequestException("answer", RequestChecks.MATCHES_STEP, "an answer of a type that answers " + step.kind());
    }
    if (step instanceof SignInStep.SelectMfa select && !select.options().contains(answer.mfa().orElseThrow())) {
      throw new InvalidRequestException("answer", RequestChecks.OFFERED_OPTION, "one of the step's MFA options " + select.options());
    }
    if (step instanceof SignInStep.SelectChallenge select) {
      chosenFactor(select, answer);
    }
    return pending;
  }

  /**
   * Returns the first factor an answer to a {@link SignInStep.SelectChallenge} picks: the chosen
   * one, or for a password answer {@link FirstFactor#PASSWORD_SRP} when offered (the password then
   * never leaves the client), else {@link FirstFactor#PASSWORD}.
   *
   * @param step the step
   * @param answer a {@link SignInAnswer.Type#FIRST_FACTOR} or {@link SignInAnswer.Type#PASSWORD} answer
   * @return the factor, one of the step's options
   * @throws InvalidRequestException if the step does not offer it
   */
  public static FirstFactor chosenFactor(SignInStep.SelectChallenge step, SignInAnswer answer) {
    FirstFactor factor;
    if (answer.type() == SignInAnswer.Type.PASSWORD) {
      factor = step.options().contains(FirstFactor.PASSWORD_SRP) ? FirstFactor.PASSWORD_SRP : FirstFactor.PASSWORD;
    } else {
      factor = answer.firstFactor().orElseThrow(() -> new InvalidRequestException("answer", RequestChecks.MATCHES_STEP, "a first factor"));
    }
    if (!step.options().contains(factor)) {
      throw new InvalidRequestException("answer", RequestChecks.OFFERED_OPTION, "one of the step's options " + step.options());
    }
    return factor;
  }
}
