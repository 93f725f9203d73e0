package dev.profilekit.examples.demo;

import dev.profilekit.AuthSession;
import dev.profilekit.IdentityProvider;
import dev.profilekit.SignInAnswer;
import dev.profilekit.SignInStep;
import dev.profilekit.TotpEnrolment;
import dev.profilekit.UserProfileService;
import dev.profilekit.examples.Backend;
import dev.profilekit.examples.ExampleEnvironment;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Wraps an environment and remembers every secret the demo handled (codes, passwords, tokens, the
 * authenticator app's secret and codes), so a test can prove none of them reached the output.
 */
final class RecordingEnvironment implements ExampleEnvironment {

  private final ExampleEnvironment delegate;
  private final UserProfileService recordingService;
  private final List<String> secrets = new CopyOnWriteArrayList<>();
  private final List<String> authenticatorSecrets = new CopyOnWriteArrayList<>();

  RecordingEnvironment(ExampleEnvironment delegate) {
    this.delegate = delegate;
    UserProfileService real = delegate.service();
    this.recordingService = (UserProfileService) Proxy.newProxyInstance(
        UserProfileService.class.getClassLoader(), new Class<?>[] {UserProfileService.class}, (proxy, method, args) -> {
          if (method.getName().equals("signIn") || method.getName().equals("signUp")) {
            // The password is the second argument of signIn; the request of signUp masks it in toString.
            if (method.getName().equals("signIn")) {
              secrets.add((String) args[1]);
            }
          }
          // The authenticator app's codes: at enrolment, and in the answer to the TOTP step.
          if (method.getName().equals("verifyTotpEnrolment")) {
            authenticatorSecrets.add((String) args[1]);
          } else if (method.getName().equals("respond")) {
            ((SignInAnswer) args[1]).secret().ifPresent(authenticatorSecrets::add);
          }
          Object result;
          try {
            result = method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          if (result instanceof TotpEnrolment enrolment) {
            authenticatorSecrets.add(enrolment.secret());
            authenticatorSecrets.add(enrolment.otpauthUri().toString());
          } else if (result instanceof SignInStep.Done done) {
            record(done.session());
          } else if (result instanceof AuthSession session) {
            record(session);
          }
          return result;
        });
  }

  private void record(AuthSession session) {
    secrets.add(session.idToken());
    secrets.add(session.accessToken());
    session.refreshToken().ifPresent(secrets::add);
  }

  /** Every secret recorded, the authenticator app's included. */
  List<String> secrets() {
    List<String> all = new ArrayList<>(secrets);
    all.addAll(authenticatorSecrets);
    return all;
  }

  /** The authenticator app's secret, its key URI and the codes the demo answered with. */
  List<String> authenticatorSecrets() {
    return authenticatorSecrets;
  }

  @Override
  public Backend backend() {
    return delegate.backend();
  }

  @Override
  public UserProfileService service() {
    return recordingService;
  }

  @Override
  public String demoEmail() {
    return delegate.demoEmail();
  }

  @Override
  public String confirmationCode(String email) {
    String code = delegate.confirmationCode(email);
    secrets.add(code);
    return code;
  }

  @Override
  public FederatedUser federatedUser(IdentityProvider provider) {
    return delegate.federatedUser(provider);
  }

  @Override
  public List<String> notes() {
    return delegate.notes();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
