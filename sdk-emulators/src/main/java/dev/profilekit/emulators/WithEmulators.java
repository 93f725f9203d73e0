package dev.profilekit.emulators;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against the local emulators (dynalite and cognito-local).
 *
 * <p>One pair of emulators is started per JVM, on first use, and stopped when the test run ends.
 * Each test class gets its own {@link EmulatorEnvironment} (user pool, app client, table). Test
 * constructors, lifecycle methods and test methods can declare parameters of these types: {@link
 * EmulatorEnvironment}, {@link LocalEmulators}, {@code DynamoDbClient}, {@code
 * CognitoIdentityProviderClient}.
 *
 * <pre>{@code
 * @WithEmulators
 * class ProfileStoreIT {
 *   @Test
 *   void readsWhatItWrote(EmulatorEnvironment env) { ... env.dynamoDb() ... env.tableName() ... }
 * }
 * }</pre>
 *
 * <p>If Node.js or the npm packages are missing, the tests fail with a message saying what to
 * install or run; they are never skipped.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EmulatorsExtension.class)
public @interface WithEmulators {}
