package dev.obsidian.actors.tx;

/** Amounts of Aztec's two gas dimensions (stdlib gas/gas.ts: daGas, l2Gas), each a u32 in Aztec. */
public record Gas(long daGas, long l2Gas) {
  public static final Gas ZERO = new Gas(0, 0);
  /** Aztec keeps gas amounts in 32 bits. */
  public static final long MAX_GAS = 0xFFFF_FFFFL;

  public Gas {
    if (daGas < 0 || daGas > MAX_GAS) {
      throw new IllegalArgumentException("daGas must be in [0, " + MAX_GAS + "], got " + daGas);
    }
    if (l2Gas < 0 || l2Gas > MAX_GAS) {
      throw new IllegalArgumentException("l2Gas must be in [0, " + MAX_GAS + "], got " + l2Gas);
    }
  }
}
