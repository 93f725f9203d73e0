package dev.profilekit;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** One page of stored profiles from {@link ProfileAdmin#listProfiles(int, String)}. */
@Value.Immutable
public abstract class ProfilePage {

  ProfilePage() {}

  /**
   * Returns a new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The profiles on this page.
   *
   * @return the profiles, never null
   */
  public abstract List<UserProfile> profiles();

  /**
   * The opaque token of the next page; absent on the last page.
   *
   * @return the next page token
   */
  public abstract Optional<String> nextPageToken();

  /** Builds a {@link ProfilePage}. */
  public static final class Builder extends ImmutableProfilePage.Builder {
    Builder() {}
  }
}
