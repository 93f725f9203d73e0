package dev.profilekit.examples.demo;

/**
 * A demo step did not behave the way ProfileKit documents it: the demo stops instead of printing a
 * success it did not see.
 */
public final class DemoFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the failure.
   *
   * @param message what was expected and did not happen
   */
  public DemoFailure(String message) {
    super(message);
  }
}
