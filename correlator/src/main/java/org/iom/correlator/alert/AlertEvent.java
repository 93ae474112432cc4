package org.iom.correlator.alert;

/**
 * Something that happened to an alert, in one global order ({@code eventId} increases): what the
 * live stream sends, and what a reconnecting client replays after its {@code Last-Event-ID}.
 *
 * @param alert the alert as it was right after the event
 */
public record AlertEvent(long eventId, Type type, Alert alert) {
  public enum Type { CREATED, UPDATED, WITHDRAWN, TRANSITION }
}
