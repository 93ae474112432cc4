package org.iom.correlator.alert;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Fans stored alert events out to live subscribers (the SSE streams). Publishing never blocks:
 * each subscriber decides what to do with an event it cannot take (the SSE stream drops a stalled
 * client, which resumes from its last event id). Thread-safe.
 */
public final class AlertFeed {
  private final List<Consumer<AlertEvent>> subscribers = new CopyOnWriteArrayList<>();

  /** Events in id order; called after they are stored. */
  public void publish(List<AlertEvent> events) {
    for (AlertEvent e : events) {
      for (Consumer<AlertEvent> s : subscribers) s.accept(e);
    }
  }

  public Runnable subscribe(Consumer<AlertEvent> subscriber) {
    subscribers.add(subscriber);
    return () -> subscribers.remove(subscriber);
  }

  public int subscribers() {
    return subscribers.size();
  }
}
