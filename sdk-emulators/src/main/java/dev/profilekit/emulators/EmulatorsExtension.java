package dev.profilekit.emulators;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The JUnit 5 extension behind {@link WithEmulators}: one {@link LocalEmulators} per JVM (kept in
 * the root store, closed when the run ends), one {@link EmulatorEnvironment} per test class (kept
 * in that class's store, closed after the class), injected as parameters.
 *
 * <p>Stored values are {@link AutoCloseable}, which JUnit 5.13+ closes when their store is
 * discarded.
 */
public final class EmulatorsExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(EmulatorsExtension.class);

  /** Creates the extension; JUnit calls this. */
  public EmulatorsExtension() {}

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    Class<?> type = parameterContext.getParameter().getType();
    return type == EmulatorEnvironment.class
        || type == LocalEmulators.class
        || type == DynamoDbClient.class
        || type == CognitoIdentityProviderClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    Class<?> type = parameterContext.getParameter().getType();
    if (type == LocalEmulators.class) {
      return emulators(extensionContext);
    }
    EmulatorEnvironment env = environment(extensionContext);
    if (type == EmulatorEnvironment.class) {
      return env;
    }
    if (type == DynamoDbClient.class) {
      return env.dynamoDb();
    }
    if (type == CognitoIdentityProviderClient.class) {
      return env.cognito();
    }
    throw new ParameterResolutionException("Unsupported parameter type " + type);
  }

  /**
   * Returns the JVM-wide emulators, starting them on first use.
   *
   * @param context any extension context of the run
   * @return the running emulators
   */
  public static LocalEmulators emulators(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(LocalEmulators.class, key -> LocalEmulators.start(), LocalEmulators.class);
  }

  /**
   * Returns the environment of the test class the context belongs to, creating it on first use.
   *
   * @param context a class- or method-level context
   * @return the environment
   */
  public static EmulatorEnvironment environment(ExtensionContext context) {
    ExtensionContext classContext = classContext(context);
    Class<?> testClass = classContext.getRequiredTestClass();
    return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(
        testClass.getName(),
        key -> EmulatorEnvironment.create(emulators(context), testClass.getSimpleName()),
        EmulatorEnvironment.class);
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    // Walk up from a method context to its class; nested classes share nothing with the outer one.
    while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }
}
