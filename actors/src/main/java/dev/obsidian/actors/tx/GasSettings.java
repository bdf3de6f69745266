package dev.obsidian.actors.tx;

/**
 * What a transaction is willing to spend (stdlib gas/gas_settings.ts, same four members in the same order).
 *
 * @param maxPriorityFeesPerGas the tip on top of the block's base fees; the mempool orders by it
 */
public record GasSettings(Gas gasLimits, Gas teardownGasLimits, GasFees maxFeesPerGas, GasFees maxPriorityFeesPerGas) {
  public GasSettings {
    Require.present(gasLimits, "gasSettings.gasLimits");
    Require.present(teardownGasLimits, "gasSettings.teardownGasLimits");
    Require.present(maxFeesPerGas, "gasSettings.maxFeesPerGas");
    Require.present(maxPriorityFeesPerGas, "gasSettings.maxPriorityFeesPerGas");
  }
}
