package dev.profilekit.testing.contract;

/**
 * How many SRP password claims a backend has checked, from {@link ContractHarness#srpClaims}.
 *
 * @param checked {@code PASSWORD_VERIFIER} answers checked, proven or not
 * @param proven those that proved the password
 */
public record SrpClaims(long checked, long proven) {

  /**
   * Returns what happened since an earlier count.
   *
   * @param earlier the earlier count
   * @return the differences
   */
  public SrpClaims since(SrpClaims earlier) {
    return new SrpClaims(checked - earlier.checked, proven - earlier.proven);
  }
}
