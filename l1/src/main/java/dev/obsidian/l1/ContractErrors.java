package dev.obsidian.l1;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Hash;

/** Turns a revert's return data into the contract's named custom error, from the ABIs of our contracts. */
final class ContractErrors {
  /** Solidity's Error(string), what require(..., "reason") and the EVM's own failures produce. */
  private static final String ERROR_STRING_SELECTOR = "08c379a0";
  /** Solidity's Panic(uint256): overflow, division by zero, array out of bounds... */
  private static final String PANIC_SELECTOR = "4e487b71";

  private record ErrorAbi(String name, List<String> parameterNames, List<String> types) {}

  private final Map<String, ErrorAbi> bySelector = new TreeMap<>();

  ContractErrors(List<ContractArtifact> artifacts) {
    for (ContractArtifact artifact : artifacts) {
      for (JsonNode error : artifact.errors()) {
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        error.path("inputs").forEach(input -> {
          names.add(input.path("name").asText());
          types.add(input.path("type").asText());
        });
        String signature = error.path("name").asText() + "(" + String.join(",", types) + ")";
        bySelector.put(selector(signature), new ErrorAbi(error.path("name").asText(), names, types));
      }
    }
  }

  static ContractErrors ofOurContracts() {
    return new ContractErrors(ContractArtifact.all());
  }

  static String selector(String signature) {
    return Hash.sha3String(signature).substring(2, 10);
  }

  /** Decodes revert data ("0x" + hex); unknown data is returned as a hex string under the name "UnknownRevert". */
  L1RevertException decode(String revertData, String context) {
    String hex = revertData == null ? "" : revertData.startsWith("0x") ? revertData.substring(2) : revertData;
    if (hex.length() < 8) {
      return new L1RevertException("Revert", List.of(), context, revertData);
    }
    String selector = hex.substring(0, 8).toLowerCase();
    String body = "0x" + hex.substring(8);
    if (selector.equals(ERROR_STRING_SELECTOR)) {
      return new L1RevertException("Error", decodeArguments(body, List.of("reason"), List.of("string")), context,
          revertData);
    }
    if (selector.equals(PANIC_SELECTOR)) {
      return new L1RevertException("Panic", decodeArguments(body, List.of("code"), List.of("uint256")), context,
          revertData);
    }
    ErrorAbi error = bySelector.get(selector);
    if (error == null) {
      return new L1RevertException("UnknownRevert", List.of("0x" + hex), context, revertData);
    }
    return new L1RevertException(error.name(), decodeArguments(body, error.parameterNames(), error.types()), context,
        revertData);
  }

  private static List<String> decodeArguments(String body, List<String> names, List<String> types) {
    try {
      List<TypeReference<Type>> references = new ArrayList<>();
      for (String type : types) {
        references.add(TypeReference.makeTypeReference(type));
      }
      List<Type> values = FunctionReturnDecoder.decode(body, references);
      List<String> rendered = new ArrayList<>();
      for (int i = 0; i < values.size(); i++) {
        rendered.add(names.get(i) + "=" + render(values.get(i)));
      }
      return rendered;
    } catch (ClassNotFoundException | RuntimeException e) {
      return List.of("undecodable arguments " + body);
    }
  }

  private static String render(Type value) {
    Object raw = value.getValue();
    if (raw instanceof byte[] bytes) {
      return "0x" + HexFormat.of().formatHex(bytes);
    }
    return String.valueOf(raw);
  }
}
