package dev.obsidian.l1;

import java.util.ArrayList;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Hash;

/** Calldata for a function by its canonical signature (e.g. "archiveAt(uint256)"), and return value decoding. */
final class Abi {
  private Abi() {}

  @SuppressWarnings("rawtypes")
  static byte[] call(String signature, List<Type> arguments) {
    String selector = Hash.sha3String(signature).substring(2, 10);
    String encoded = arguments.isEmpty() ? "" : FunctionEncoder.encodeConstructor(arguments);
    return L1Client.unhex(selector + encoded);
  }

  @SuppressWarnings("rawtypes")
  static byte[] constructor(byte[] bytecode, List<Type> arguments) {
    byte[] encoded = L1Client.unhex(FunctionEncoder.encodeConstructor(arguments));
    byte[] initCode = new byte[bytecode.length + encoded.length];
    System.arraycopy(bytecode, 0, initCode, 0, bytecode.length);
    System.arraycopy(encoded, 0, initCode, bytecode.length, encoded.length);
    return initCode;
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  static List<Type> decode(byte[] returned, String... solidityTypes) {
    List<TypeReference<Type>> references = new ArrayList<>();
    try {
      for (String type : solidityTypes) {
        references.add(TypeReference.makeTypeReference(type));
      }
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("unknown Solidity type in " + List.of(solidityTypes), e);
    }
    List<Type> values = FunctionReturnDecoder.decode(L1Client.hex(returned), references);
    if (values.size() != solidityTypes.length) {
      throw new L1Exception("expected " + solidityTypes.length + " return values, L1 returned " + values.size()
          + " (is the address a " + "deployed contract of this version?)");
    }
    return values;
  }
}
