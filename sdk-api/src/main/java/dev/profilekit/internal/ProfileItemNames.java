package dev.profilekit.internal;

/**
 * The attribute names of the DynamoDB item that holds a profile, here so that the one item-size
 * rule ({@link ItemSize}) counts the very names the AWS codec writes; sdk-aws's public {@code
 * ProfileAttributes} takes its constants from these. The six standard fields are named by {@link
 * dev.profilekit.ProfileField#attributeName()}.
 */
public final class ProfileItemNames {

  /** Partition key, string. */
  public static final String USER_ID = "userId";
  /** Number. */
  public static final String VERSION = "version";
  /** String. */
  public static final String EMAIL = "email";
  /** Boolean. */
  public static final String EMAIL_VERIFIED = "emailVerified";
  /** Map. */
  public static final String PREFERENCES = "preferences";
  /** Map. */
  public static final String CUSTOM_FIELDS = "customFields";
  /** Map of {@link #PLAN}, {@link #STATUS}, {@link #CURRENT_PERIOD_END}, {@link #EXTERNAL_CUSTOMER_ID}. */
  public static final String SUBSCRIPTION = "subscription";
  /** List of maps of {@link #KIND}, {@link #NAME}, {@link #PROVIDER_USER_ID}, {@link #LINKED_AT}. */
  public static final String LINKED_IDENTITIES = "linkedIdentities";
  /** String, ISO-8601 instant. */
  public static final String CREATED_AT = "createdAt";
  /** String, ISO-8601 instant. */
  public static final String UPDATED_AT = "updatedAt";

  /** In {@link #SUBSCRIPTION}: string. */
  public static final String PLAN = "plan";
  /** In {@link #SUBSCRIPTION}: string, the status's name. */
  public static final String STATUS = "status";
  /** In {@link #SUBSCRIPTION}: string, ISO-8601 instant. */
  public static final String CURRENT_PERIOD_END = "currentPeriodEnd";
  /** In {@link #SUBSCRIPTION}: string. */
  public static final String EXTERNAL_CUSTOMER_ID = "externalCustomerId";

  /** In a linked identity: string, the provider kind's name. */
  public static final String KIND = "kind";
  /** In a linked identity: string, the provider's name. */
  public static final String NAME = "name";
  /** In a linked identity: string. */
  public static final String PROVIDER_USER_ID = "providerUserId";
  /** In a linked identity: string, ISO-8601 instant. */
  public static final String LINKED_AT = "linkedAt";

  private ProfileItemNames() {}
}
