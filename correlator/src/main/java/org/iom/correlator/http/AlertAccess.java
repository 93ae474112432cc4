package org.iom.correlator.http;

import org.iom.correlator.alert.AlertFeed;
import org.iom.correlator.alert.AlertStore;

/** What the alert endpoints need: the stored alerts and the live feed. */
public record AlertAccess(AlertStore store, AlertFeed feed) {}
