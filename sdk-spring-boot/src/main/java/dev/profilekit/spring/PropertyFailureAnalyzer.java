package dev.profilekit.spring;

import dev.profilekit.InvalidRequestException;
import java.util.Locale;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start-up stopped by a {@code profilekit.*} property ({@link InvalidRequestException}
 * whose field is the property) into Spring Boot's "APPLICATION FAILED TO START" report: what is
 * wrong, and which property or environment variable to set, instead of a stack trace. Other
 * {@code InvalidRequestException}s are left to the default report.
 */
class PropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidRequestException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidRequestException cause) {
    String property = cause.field();
    if (!property.startsWith("profilekit.")) {
      return null;
    }
    // Spring's relaxed binding: profilekit.table-name is also PROFILEKIT_TABLE_NAME.
    String variable = property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    return new FailureAnalysis(
        "ProfileKit cannot start: " + cause.getMessage(),
        "Set " + property + " in the application's properties, or the environment variable " + variable
            + " (the profilekit.* properties are listed in ProfileKit's docs/spring-boot.md).",
        cause);
  }
}
