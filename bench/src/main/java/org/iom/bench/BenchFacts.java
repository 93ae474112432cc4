package org.iom.bench;

/** Small facts about the benchmark inputs, for bench/run.sh's report. */
public final class BenchFacts {
  private BenchFacts() {}

  public static void main(String[] args) {
    if (args.length == 1 && args[0].equals("csvRows")) {
      System.out.println(BenchData.rows(BenchData.fixesCsv(20, 7, 11, "P")));
    } else {
      throw new IllegalArgumentException("usage: BenchFacts csvRows");
    }
  }
}
