package org.carereviews.savings;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs tasks on threads of their own, released together, and rethrows the first failure. */
final class Concurrently {

  interface Task {
    void run() throws Exception;
  }

  private Concurrently() {}

  static void run(List<Task> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (Task task : tasks) {
        done.add(
            pool.submit(
                (Callable<Void>)
                    () -> {
                      start.await();
                      task.run();
                      return null;
                    }));
      }
      start.countDown();
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
