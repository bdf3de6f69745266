package dev.obsidian.node.cli.crypto;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.keys.DerivedKeys;
import dev.obsidian.crypto.keys.Keys;
import dev.obsidian.crypto.keys.PublicKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "derive",
    description = {
      "Derives an account's master keys from its secret key (Aztec's deriveKeys). Prints, one per line:",
      "nhk_m, ivsk_m, ovsk_m, tsk_m (scalars), Npk_m, Ivpk_m, Ovpk_m, Tpk_m (\"x y\"), public keys hash;",
      "with --partial-address also: preaddress, address, address secret."
    })
final class KeysDeriveCommand extends ValueCommand {

  @Parameters(index = "0", paramLabel = "SECRET_KEY", converter = Converters.FrConverter.class,
      description = "The account secret key (a BN254 Fr element), 0x-hex or decimal.")
  Fr secretKey;

  @Option(names = "--partial-address", paramLabel = "P", converter = Converters.FrConverter.class,
      description = "The account contract's partial address: also print its preaddress, address and address secret.")
  Fr partialAddress;

  @Override
  CommandOutput compute() {
    DerivedKeys keys = Keys.deriveKeys(secretKey);
    PublicKeys publicKeys = keys.publicKeys();
    CommandOutput output = new CommandOutput()
        .add("masterNullifierHidingKey", keys.masterNullifierHidingKey())
        .add("masterIncomingViewingSecretKey", keys.masterIncomingViewingSecretKey())
        .add("masterOutgoingViewingSecretKey", keys.masterOutgoingViewingSecretKey())
        .add("masterTaggingSecretKey", keys.masterTaggingSecretKey())
        .add("masterNullifierPublicKey", publicKeys.masterNullifierPublicKey())
        .add("masterIncomingViewingPublicKey", publicKeys.masterIncomingViewingPublicKey())
        .add("masterOutgoingViewingPublicKey", publicKeys.masterOutgoingViewingPublicKey())
        .add("masterTaggingPublicKey", publicKeys.masterTaggingPublicKey())
        .add("publicKeysHash", publicKeys.hash());
    if (partialAddress != null) {
      Fr preaddress = Keys.computePreaddress(publicKeys.hash(), partialAddress);
      output.add("preaddress", preaddress)
          .add("address", Keys.computeAddress(publicKeys, partialAddress).toField())
          .add("addressSecret", Keys.computeAddressSecret(preaddress, keys.masterIncomingViewingSecretKey()));
    }
    return output;
  }
}
