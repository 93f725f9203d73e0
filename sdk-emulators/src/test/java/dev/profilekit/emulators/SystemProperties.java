package dev.profilekit.emulators;

/** Puts a system property back as a test found it. */
final class SystemProperties {

  private SystemProperties() {}

  static void restore(String key, String previous) {
    if (previous == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, previous);
    }
  }
}
