package dev.obsidian.actors.tx;

/**
 * Fees per unit of each gas dimension (stdlib gas/gas_fees.ts: feePerDaGas, feePerL2Gas). Aztec allows u128;
 * Obsidian bounds them to a non-negative long until fee payment is implemented.
 */
public record GasFees(long feePerDaGas, long feePerL2Gas) implements Comparable<GasFees> {
  public static final GasFees ZERO = new GasFees(0, 0);

  public GasFees {
    Require.nonNegative(feePerDaGas, "feePerDaGas");
    Require.nonNegative(feePerL2Gas, "feePerL2Gas");
  }

  /** True when both dimensions are at least {@code minimum}'s. */
  public boolean covers(GasFees minimum) {
    return feePerDaGas >= minimum.feePerDaGas && feePerL2Gas >= minimum.feePerL2Gas;
  }

  /** Orders by L2 fee, then DA fee: the mempool's priority order. */
  @Override
  public int compareTo(GasFees other) {
    int byL2 = Long.compare(feePerL2Gas, other.feePerL2Gas);
    return byL2 != 0 ? byL2 : Long.compare(feePerDaGas, other.feePerDaGas);
  }
}
