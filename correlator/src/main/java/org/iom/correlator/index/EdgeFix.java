package org.iom.correlator.index;

/** One fix outside a block, as a neighbour: epoch milliseconds and centimetres EPSG:27700. */
record EdgeFix(long epochMillis, int xCm, int yCm) {}
