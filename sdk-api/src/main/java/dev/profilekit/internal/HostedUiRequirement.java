package dev.profilekit.internal;

import dev.profilekit.ClientConfigurationException;
import java.util.Optional;

/**
 * Federated sign-in and logout need the user pool's hosted UI domain; without one, both
 * implementations refuse {@code federatedSignIn}, {@code completeFederatedSignIn} and {@code
 * logoutUri} with the same {@link ClientConfigurationException}, before looking at the arguments
 * and before any call (issue 18 item 6).
 */
public final class HostedUiRequirement {

  private HostedUiRequirement() {}

  /**
   * Returns the configured hosted UI, or refuses the call.
   *
   * @param hostedUi the hosted UI, empty when the service has no domain
   * @param setting the builder setting that configures it, named in the message
   * @param <T> what the implementation keeps for its hosted UI
   * @return the hosted UI
   * @throws ClientConfigurationException when there is none
   */
  public static <T> T required(Optional<T> hostedUi, String setting) {
    return hostedUi.orElseThrow(() -> new ClientConfigurationException(
        "Federated sign-in needs the user pool's hosted UI domain: set " + setting));
  }
}
