package dev.obsidian.actors;

/** Which block a state query reads: a number, or the latest (Aztec BlockParameter: number | 'latest'). */
public record BlockParameter(long number) {
  /** Marker number for the latest block. */
  private static final long LATEST_NUMBER = -1;
  public static final BlockParameter LATEST = new BlockParameter(LATEST_NUMBER);

  public BlockParameter {
    if (number < LATEST_NUMBER) {
      throw new IllegalArgumentException("block number must not be negative, got " + number);
    }
  }

  public static BlockParameter at(long number) {
    if (number < 0) {
      throw new IllegalArgumentException("block number must not be negative, got " + number);
    }
    return new BlockParameter(number);
  }

  public boolean isLatest() {
    return number == LATEST_NUMBER;
  }

  @Override
  public String toString() {
    return isLatest() ? "latest" : Long.toString(number);
  }
}
