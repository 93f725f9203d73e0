package dev.profilekit.aws.setup;

import dev.profilekit.ProfileKitException;
import java.util.Objects;

/**
 * An existing table cannot hold ProfileKit profiles: its key schema is not the single string
 * partition key {@code userId}. ProfileKit never alters such a table; use another table name, or
 * migrate the data to a table created by {@link ProfileTableSetup} or the Terraform module.
 */
public class ProfileTableMismatchException extends ProfileKitException {

  private static final long serialVersionUID = 1L;

  private final String tableName;
  private final String expected;
  private final String actual;

  /**
   * Creates the exception.
   *
   * @param tableName the table
   * @param expected the key schema ProfileKit needs, for example {@code userId (HASH, S)}
   * @param actual the table's key schema
   */
  public ProfileTableMismatchException(String tableName, String expected, String actual) {
    super("Table '" + tableName + "' has the key schema [" + actual + "], but ProfileKit needs [" + expected
        + "]; use another table, or one created by ProfileTableSetup or docs/terraform");
    this.tableName = Objects.requireNonNull(tableName, "tableName");
    this.expected = Objects.requireNonNull(expected, "expected");
    this.actual = Objects.requireNonNull(actual, "actual");
  }

  /**
   * Returns the table's name.
   *
   * @return the name
   */
  public String tableName() {
    return tableName;
  }

  /**
   * Returns the key schema ProfileKit needs.
   *
   * @return the expected schema, for example {@code userId (HASH, S)}
   */
  public String expected() {
    return expected;
  }

  /**
   * Returns the table's key schema.
   *
   * @return the actual schema
   */
  public String actual() {
    return actual;
  }
}
