package dev.profilekit.spring;

import dev.profilekit.UserProfileService;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Wraps the application's {@link UserProfileService} so that its profile calls are timed: {@code
 * getProfile} as {@code profilekit.profile.read}, {@code updateProfile} and {@code deleteProfile}
 * as {@code profilekit.profile.write} (tag {@code operation}: get, update, delete). Every other
 * call passes straight through; {@code close} does nothing, since the wrapped service is a bean of
 * its own and is closed with it.
 *
 * <p>A dynamic proxy rather than a hand-written decorator, so that a method added to the interface
 * passes through without a change here.
 */
final class MeteredUserProfileService implements InvocationHandler {

  /** Method name to {meter, operation}. */
  private static final Map<String, String[]> TIMED = Map.of(
      "getProfile", new String[] {ProfileKitMetrics.READ, "get"},
      "updateProfile", new String[] {ProfileKitMetrics.WRITE, "update"},
      "deleteProfile", new String[] {ProfileKitMetrics.WRITE, "delete"});

  private final UserProfileService delegate;
  private final ProfileKitMetrics metrics;

  private MeteredUserProfileService(UserProfileService delegate, ProfileKitMetrics metrics) {
    this.delegate = delegate;
    this.metrics = metrics;
  }

  static UserProfileService wrap(UserProfileService delegate, ProfileKitMetrics metrics) {
    return (UserProfileService) Proxy.newProxyInstance(
        UserProfileService.class.getClassLoader(), new Class<?>[] {UserProfileService.class},
        new MeteredUserProfileService(delegate, metrics));
  }

  /**
   * The service a timed one wraps.
   *
   * @param service a service from {@link #wrap}
   * @return the wrapped service, or null if {@code service} is not a timed one
   */
  static UserProfileService delegateOf(UserProfileService service) {
    if (Proxy.isProxyClass(service.getClass()) && Proxy.getInvocationHandler(service) instanceof MeteredUserProfileService metered) {
      return metered.delegate;
    }
    return null;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return objectMethod(proxy, method, args);
    }
    if (method.getName().equals("close") && method.getParameterCount() == 0) {
      return null;
    }
    String[] timed = TIMED.get(method.getName());
    if (timed == null) {
      return call(method, args);
    }
    long started = System.nanoTime();
    try {
      Object result = call(method, args);
      metrics.recordProfile(timed[0], timed[1], System.nanoTime() - started, "ok");
      return result;
    } catch (RuntimeException e) {
      metrics.recordProfile(timed[0], timed[1], System.nanoTime() - started, e.getClass().getSimpleName());
      throw e;
    }
  }

  private Object call(Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(delegate, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private Object objectMethod(Object proxy, Method method, Object[] args) {
    switch (method.getName()) {
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      default:
        return "Metered[" + delegate + "]";
    }
  }
}
