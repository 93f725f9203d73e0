package dev.profilekit.aws.backfill.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Names the backfill's writer threads and makes them daemons, so a forgotten job never keeps a JVM alive. */
public final class WriterThreads implements ThreadFactory {

  private static final AtomicInteger POOLS = new AtomicInteger();
  private final int pool = POOLS.incrementAndGet();
  private final AtomicInteger threads = new AtomicInteger();

  /** Creates the factory of one job run. */
  public WriterThreads() {}

  @Override
  public Thread newThread(Runnable task) {
    Thread thread = new Thread(task, "profilekit-backfill-" + pool + "-" + threads.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  }
}
