package dev.profilekit.spring;

import dev.profilekit.AuthChallenge;
import dev.profilekit.AuthSession;
import dev.profilekit.FederatedCallback;
import dev.profilekit.IdentityProvider;
import dev.profilekit.PendingFederatedSignIn;
import dev.profilekit.ProfileAdmin;
import dev.profilekit.ProfilePolicy;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.SignInResult;
import dev.profilekit.SignUpRequest;
import dev.profilekit.SignUpResult;
import dev.profilekit.UserProfile;
import dev.profilekit.UserProfileService;
import dev.profilekit.VerifiedUser;
import java.net.URI;
import java.util.function.Supplier;

/**
 * The application's {@link UserProfileService} with Micrometer timers on the profile calls:
 * {@code profilekit.profile.read} ({@code getProfile}) and {@code profilekit.profile.write}
 * ({@code updateProfile}, {@code deleteProfile}). Every other call passes straight through.
 * Closing it leaves the service it wraps to that service's bean.
 */
final class MeteredUserProfileService implements UserProfileService {

  private final UserProfileService delegate;
  private final ProfileKitMetrics metrics;

  MeteredUserProfileService(UserProfileService delegate, ProfileKitMetrics metrics) {
    this.delegate = delegate;
    this.metrics = metrics;
  }

  UserProfileService delegate() {
    return delegate;
  }

  private <T> T timed(String name, String operation, Supplier<T> call) {
    long started = System.nanoTime();
    try {
      T result = call.get();
      metrics.recordProfile(name, operation, System.nanoTime() - started, "ok");
      return result;
    } catch (RuntimeException e) {
      metrics.recordProfile(name, operation, System.nanoTime() - started, e.getClass().getSimpleName());
      throw e;
    }
  }

  @Override
  public UserProfile getProfile(VerifiedUser user) {
    return timed(ProfileKitMetrics.READ, "get", () -> delegate.getProfile(user));
  }

  @Override
  public UserProfile updateProfile(VerifiedUser user, ProfileUpdate update) {
    return timed(ProfileKitMetrics.WRITE, "update", () -> delegate.updateProfile(user, update));
  }

  @Override
  public void deleteProfile(VerifiedUser user) {
    timed(ProfileKitMetrics.WRITE, "delete", () -> {
      delegate.deleteProfile(user);
      return null;
    });
  }

  @Override
  public SignUpResult signUp(SignUpRequest request) {
    return delegate.signUp(request);
  }

  @Override
  public void confirmSignUp(String username, String code) {
    delegate.confirmSignUp(username, code);
  }

  @Override
  public void resendConfirmationCode(String username) {
    delegate.resendConfirmationCode(username);
  }

  @Override
  public void forgotPassword(String username) {
    delegate.forgotPassword(username);
  }

  @Override
  public void confirmForgotPassword(String username, String code, String newPassword) {
    delegate.confirmForgotPassword(username, code, newPassword);
  }

  @Override
  public void changePassword(AuthSession session, String currentPassword, String newPassword) {
    delegate.changePassword(session, currentPassword, newPassword);
  }

  @Override
  public SignInResult signIn(String username, String password) {
    return delegate.signIn(username, password);
  }

  @Override
  public SignInResult respondToNewPasswordChallenge(AuthChallenge challenge, String newPassword) {
    return delegate.respondToNewPasswordChallenge(challenge, newPassword);
  }

  @Override
  public AuthSession refresh(AuthSession session) {
    return delegate.refresh(session);
  }

  @Override
  public void signOut(AuthSession session) {
    delegate.signOut(session);
  }

  @Override
  public void signOutEverywhere(AuthSession session) {
    delegate.signOutEverywhere(session);
  }

  @Override
  public VerifiedUser verify(String token) {
    return delegate.verify(token);
  }

  @Override
  public PendingFederatedSignIn federatedSignIn(IdentityProvider provider, URI redirectUri) {
    return delegate.federatedSignIn(provider, redirectUri);
  }

  @Override
  public AuthSession completeFederatedSignIn(PendingFederatedSignIn pending, FederatedCallback callback) {
    return delegate.completeFederatedSignIn(pending, callback);
  }

  @Override
  public URI logoutUri(URI logoutRedirectUri) {
    return delegate.logoutUri(logoutRedirectUri);
  }

  @Override
  public ProfileAdmin admin() {
    return delegate.admin();
  }

  @Override
  public ProfilePolicy policy() {
    return delegate.policy();
  }

  /** Closes nothing: the wrapped service is a bean of its own and is closed with it. */
  @Override
  public void close() {
    // The delegate's bean owns it.
  }

  @Override
  public String toString() {
    return "Metered[" + delegate + "]";
  }
}
