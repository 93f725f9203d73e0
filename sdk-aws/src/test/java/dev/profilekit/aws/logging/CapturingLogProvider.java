package dev.profilekit.aws.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * sdk-aws's test-scope SLF4J backend (replaces slf4j-nop there): silent, except while a test
 * {@link #capture captures}, when every logger is enabled at TRACE and each event (logger name,
 * level, formatted message, throwable with its stack) is kept in memory for the test to search.
 * Written here rather than added as a dependency: it is forty lines and only tests need it.
 */
public final class CapturingLogProvider implements SLF4JServiceProvider {

  private static final StringBuffer CAPTURED = new StringBuffer();
  private static volatile boolean capturing;
  private static volatile int events;

  private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
  private final ILoggerFactory factory = name -> loggers.computeIfAbsent(name, CapturingLogger::new);
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new NOPMDCAdapter();

  /** Starts capturing, dropping what an earlier capture kept. */
  public static synchronized void capture() {
    CAPTURED.setLength(0);
    events = 0;
    capturing = true;
  }

  /**
   * Stops capturing.
   *
   * @return everything logged since {@link #capture()}, one event per line (stack traces included)
   */
  public static synchronized String stop() {
    capturing = false;
    return CAPTURED.toString();
  }

  /**
   * Events kept by the current or last capture.
   *
   * @return the number of events
   */
  public static int events() {
    return events;
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return factory;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {}

  private static final class CapturingLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;

    CapturingLogger(String name) {
      this.name = name;
    }

    @Override
    public boolean isTraceEnabled() {
      return capturing;
    }

    @Override
    public boolean isDebugEnabled() {
      return capturing;
    }

    @Override
    public boolean isInfoEnabled() {
      return capturing;
    }

    @Override
    public boolean isWarnEnabled() {
      return capturing;
    }

    @Override
    public boolean isErrorEnabled() {
      return capturing;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
      if (!capturing) {
        return;
      }
      StringBuilder line = new StringBuilder().append(level).append(' ').append(name).append(' ')
          .append(MessageFormatter.basicArrayFormat(pattern, arguments)).append('\n');
      if (throwable != null) {
        StringWriter trace = new StringWriter();
        throwable.printStackTrace(new PrintWriter(trace));
        line.append(trace);
      }
      CAPTURED.append(line);
      events++;
    }
  }
}
