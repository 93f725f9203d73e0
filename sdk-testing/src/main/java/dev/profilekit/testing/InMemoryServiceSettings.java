package dev.profilekit.testing;

import dev.profilekit.MfaConfiguration;
import dev.profilekit.MfaMethod;
import dev.profilekit.ProfilePolicy;
import dev.profilekit.internal.RequestChecks;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * How an {@link InMemoryUserProfileService} is configured: clock, policy, the user pool's issuer
 * and app client, token lifetimes, refresh token rotation, confirmation codes and the hosted UI
 * domain.
 *
 * <p>Built through {@link InMemoryUserProfileService#builder()}; immutable.
 */
public final class InMemoryServiceSettings {

  /** The hosted UI domain unless another is set. */
  public static final URI DEFAULT_HOSTED_UI_DOMAIN = URI.create("https://profilekit-test.auth.us-east-1.amazoncognito.com");

  private final Clock clock;
  private final ProfilePolicy policy;
  private final String issuer;
  private final String clientId;
  private final Duration idTokenLifetime;
  private final Duration accessTokenLifetime;
  private final Duration refreshTokenLifetime;
  private final boolean refreshTokenRotation;
  private final String fixedConfirmationCode;
  private final URI hostedUiDomain;
  private final Set<URI> callbackUrls;
  private final MfaConfiguration mfaConfiguration;
  private final Set<MfaMethod> mfaMethods;

  private InMemoryServiceSettings(Builder builder) {
    this.clock = builder.clock;
    this.policy = builder.policy;
    this.issuer = builder.issuer;
    this.clientId = builder.clientId;
    this.idTokenLifetime = builder.idTokenLifetime;
    this.accessTokenLifetime = builder.accessTokenLifetime;
    this.refreshTokenLifetime = builder.refreshTokenLifetime;
    this.refreshTokenRotation = builder.refreshTokenRotation;
    this.fixedConfirmationCode = builder.fixedConfirmationCode;
    this.hostedUiDomain = builder.hostedUiDomain;
    this.callbackUrls = Set.copyOf(builder.callbackUrls);
    this.mfaConfiguration = builder.mfaConfiguration;
    this.mfaMethods = Set.copyOf(builder.mfaMethods);
  }

  static Builder builder(Function<InMemoryServiceSettings, InMemoryUserProfileService> factory) {
    return new Builder(factory);
  }

  /**
   * Returns the clock tokens, codes and profile timestamps follow.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  /**
   * Returns the profile policy.
   *
   * @return the policy
   */
  public ProfilePolicy policy() {
    return policy;
  }

  /**
   * Returns the {@code iss} of issued tokens.
   *
   * @return the issuer
   */
  public String issuer() {
    return issuer;
  }

  /**
   * Returns the app client id of issued tokens.
   *
   * @return the client id
   */
  public String clientId() {
    return clientId;
  }

  /**
   * Returns the ID token lifetime.
   *
   * @return the lifetime
   */
  public Duration idTokenLifetime() {
    return idTokenLifetime;
  }

  /**
   * Returns the access token lifetime.
   *
   * @return the lifetime
   */
  public Duration accessTokenLifetime() {
    return accessTokenLifetime;
  }

  /**
   * Returns the refresh token lifetime.
   *
   * @return the lifetime
   */
  public Duration refreshTokenLifetime() {
    return refreshTokenLifetime;
  }

  /**
   * Tells whether each refresh replaces the refresh token, as an app client with refresh token
   * rotation does.
   *
   * @return true when refresh tokens rotate
   */
  public boolean refreshTokenRotation() {
    return refreshTokenRotation;
  }

  /**
   * Returns the code every confirmation and reset sends, when fixed.
   *
   * @return the fixed code, or empty for random six-digit codes
   */
  public Optional<String> fixedConfirmationCode() {
    return Optional.ofNullable(fixedConfirmationCode);
  }

  String fixedConfirmationCodeOrNull() {
    return fixedConfirmationCode;
  }

  /**
   * Returns the hosted UI domain of authorize and logout URLs; empty after {@link
   * Builder#withoutHostedUiDomain()}, when federated sign-in is refused as on an AWS service
   * built without one.
   *
   * @return the domain URL, if any
   */
  public Optional<URI> hostedUiDomain() {
    return Optional.ofNullable(hostedUiDomain);
  }

  /**
   * Returns the redirect URIs federated sign-in accepts; empty means any absolute URI.
   *
   * @return the callback URLs
   */
  public Set<URI> callbackUrls() {
    return callbackUrls;
  }

  /**
   * Returns the user pool's MFA setting, as Cognito's {@code MfaConfiguration}.
   *
   * @return the setting, {@link MfaConfiguration#OPTIONAL} unless set
   */
  public MfaConfiguration mfaConfiguration() {
    return mfaConfiguration;
  }

  /**
   * Returns the second factors the user pool allows (Cognito's {@code SetUserPoolMfaConfig}
   * methods), which decide what a pool with MFA {@link MfaConfiguration#ON} asks of a user who
   * has turned none on.
   *
   * @return the methods, all of them unless set
   */
  public Set<MfaMethod> mfaMethods() {
    return mfaMethods;
  }

  /** Builds an {@link InMemoryUserProfileService}; every setting has a test default. */
  public static final class Builder {
    private final Function<InMemoryServiceSettings, InMemoryUserProfileService> factory;
    private Clock clock = Clock.systemUTC();
    private ProfilePolicy policy = ProfilePolicy.defaults();
    private String issuer = TestTokens.DEFAULT_ISSUER;
    private String clientId = TestTokens.DEFAULT_CLIENT_ID;
    private Duration idTokenLifetime = Duration.ofHours(1);
    private Duration accessTokenLifetime = Duration.ofHours(1);
    private Duration refreshTokenLifetime = Duration.ofDays(30);
    private boolean refreshTokenRotation;
    private String fixedConfirmationCode;
    private URI hostedUiDomain = DEFAULT_HOSTED_UI_DOMAIN;
    private boolean withoutHostedUiDomain;
    private final Set<URI> callbackUrls = new LinkedHashSet<>();
    private MfaConfiguration mfaConfiguration = MfaConfiguration.OPTIONAL;
    private Set<MfaMethod> mfaMethods = EnumSet.allOf(MfaMethod.class);

    private Builder(Function<InMemoryServiceSettings, InMemoryUserProfileService> factory) {
      this.factory = factory;
    }

    /**
     * Sets the clock; a {@link TestClock} lets tests move time to expire tokens and codes.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Sets the profile policy (for example with admin-only custom fields).
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder policy(ProfilePolicy policy) {
      this.policy = policy;
      return this;
    }

    /**
     * Sets the user pool's issuer URL ({@code iss}).
     *
     * @param issuer the issuer
     * @return this builder
     */
    public Builder issuer(String issuer) {
      this.issuer = issuer;
      return this;
    }

    /**
     * Sets the app client id ({@code aud} / {@code client_id}).
     *
     * @param clientId the client id
     * @return this builder
     */
    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /**
     * Sets the ID token lifetime (default one hour).
     *
     * @param lifetime the lifetime
     * @return this builder
     */
    public Builder idTokenLifetime(Duration lifetime) {
      this.idTokenLifetime = lifetime;
      return this;
    }

    /**
     * Sets the access token lifetime (default one hour).
     *
     * @param lifetime the lifetime
     * @return this builder
     */
    public Builder accessTokenLifetime(Duration lifetime) {
      this.accessTokenLifetime = lifetime;
      return this;
    }

    /**
     * Sets the refresh token lifetime (default 30 days).
     *
     * @param lifetime the lifetime
     * @return this builder
     */
    public Builder refreshTokenLifetime(Duration lifetime) {
      this.refreshTokenLifetime = lifetime;
      return this;
    }

    /**
     * Rotates refresh tokens as a Cognito app client with refresh token rotation enabled does
     * (default off, Cognito's default): each {@code refresh} returns a session with a new refresh
     * token, which continues the session (same expiry, signed out with it), and the refresh token
     * it was given is refused from then on with {@code TokenRejectedException} reason {@code
     * REVOKED}. Matches {@code AwsUserProfileService.Builder.refreshTokenRotation(true)} on a
     * rotating app client; Cognito's optional retry grace period is not modelled (it is zero here).
     *
     * @param rotate true to rotate
     * @return this builder
     */
    public Builder refreshTokenRotation(boolean rotate) {
      this.refreshTokenRotation = rotate;
      return this;
    }

    /**
     * Makes every confirmation and password reset code this value, like cognito-local's {@code
     * CODE} setting; by default codes are random and read with {@link
     * InMemoryUserProfileService#lastConfirmationCode(String)}.
     *
     * @param code the code
     * @return this builder
     */
    public Builder fixedConfirmationCode(String code) {
      this.fixedConfirmationCode = code;
      return this;
    }

    /**
     * Sets the hosted UI domain used in authorize and logout URLs.
     *
     * @param domain an https URL without path
     * @return this builder
     */
    public Builder hostedUiDomain(URI domain) {
      this.hostedUiDomain = domain;
      this.withoutHostedUiDomain = false;
      return this;
    }

    /**
     * Configures no hosted UI domain, as an AWS service built without {@code hostedUiDomain}:
     * {@code federatedSignIn}, {@code completeFederatedSignIn} and {@code logoutUri} then fail
     * with {@link dev.profilekit.ClientConfigurationException}. A consumer whose service has no
     * domain runs the contract this way, declaring {@code ContractCapability.HOSTED_UI_DOMAIN}
     * unsupported.
     *
     * @return this builder
     */
    public Builder withoutHostedUiDomain() {
      this.hostedUiDomain = null;
      this.withoutHostedUiDomain = true;
      return this;
    }

    /**
     * Registers an allowed federated sign-in redirect URI; once one is registered, others are
     * refused, as by a real app client.
     *
     * @param callbackUrl the redirect URI
     * @return this builder
     */
    public Builder callbackUrl(URI callbackUrl) {
      this.callbackUrls.add(Objects.requireNonNull(callbackUrl, "callbackUrl"));
      return this;
    }

    /**
     * Sets the user pool's MFA setting (default {@link MfaConfiguration#OPTIONAL}: users who turned
     * a second factor on are asked for it). With {@link MfaConfiguration#ON}, a password sign-in of
     * a user without a second factor is answered as Cognito answers it: {@link
     * dev.profilekit.SignInStep.TotpSetup} where the pool allows authenticator apps (after the
     * first sign-in that follows a confirmed sign-up, which Cognito lets through), the code of an
     * eligible phone number instead where it allows text messages; see {@code docs/sign-in.md}.
     *
     * @param configuration the setting
     * @return this builder
     */
    public Builder mfaConfiguration(MfaConfiguration configuration) {
      this.mfaConfiguration = configuration;
      return this;
    }

    /**
     * Sets the second factors the user pool allows (default all of them); read by sign-ins under
     * {@link MfaConfiguration#ON}.
     *
     * @param methods the methods
     * @return this builder
     */
    public Builder mfaMethods(Set<MfaMethod> methods) {
      this.mfaMethods = methods == null ? null : EnumSet.noneOf(MfaMethod.class);
      if (methods != null) {
        this.mfaMethods.addAll(methods);
      }
      return this;
    }

    /**
     * Builds the service.
     *
     * @return the service
     * @throws dev.profilekit.InvalidRequestException naming the first missing or invalid setting
     */
    public InMemoryUserProfileService build() {
      // Builders fail one way (docs/decisions.md): the setting's name and a shared rule, as the AWS builders do.
      RequestChecks.required(clock, "clock");
      RequestChecks.required(policy, "policy");
      RequestChecks.requiredText(issuer, "issuer");
      RequestChecks.requiredText(clientId, "clientId");
      positive(idTokenLifetime, "idTokenLifetime");
      positive(accessTokenLifetime, "accessTokenLifetime");
      positive(refreshTokenLifetime, "refreshTokenLifetime");
      RequestChecks.check(fixedConfirmationCode == null || !fixedConfirmationCode.isBlank(), "fixedConfirmationCode",
          RequestChecks.NOT_BLANK, "a code, or unset for random codes");
      RequestChecks.required(mfaConfiguration, "mfaConfiguration");
      RequestChecks.required(mfaMethods, "mfaMethods");
      if (!withoutHostedUiDomain) {
        RequestChecks.required(hostedUiDomain, "hostedUiDomain");
        RequestChecks.check("https".equals(hostedUiDomain.getScheme()) && hostedUiDomain.getHost() != null, "hostedUiDomain",
            RequestChecks.HTTPS, "an https URL with a host");
      }
      return factory.apply(new InMemoryServiceSettings(this));
    }

    private static void positive(Duration duration, String field) {
      RequestChecks.required(duration, field);
      RequestChecks.check(!duration.isNegative() && !duration.isZero(), field, RequestChecks.POSITIVE, "a positive duration");
    }
  }
}
