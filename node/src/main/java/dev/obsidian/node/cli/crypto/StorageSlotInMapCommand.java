package dev.obsidian.node.cli.crypto;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.ProtocolHashes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "storage-slot-in-map", description = "Storage slot of map[KEY] for a map at SLOT (deriveStorageSlotInMap).")
final class StorageSlotInMapCommand extends ValueCommand {

  @Parameters(index = "0", paramLabel = "SLOT", converter = Converters.FrConverter.class) Fr mapSlot;

  @Parameters(index = "1", paramLabel = "KEY", converter = Converters.FrConverter.class) Fr key;

  @Override
  CommandOutput compute() {
    return CommandOutput.of("storageSlot", ProtocolHashes.deriveStorageSlotInMap(mapSlot, key));
  }
}
