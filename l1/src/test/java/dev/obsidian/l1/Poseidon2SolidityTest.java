package dev.obsidian.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Poseidon2;
import dev.obsidian.crypto.protocol.EthAddress;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.StaticArray4;
import org.web3j.abi.datatypes.generated.Uint256;

/** Poseidon2.sol on a real Anvil, bit-exact against dev.obsidian.crypto.hash.Poseidon2 and Aztec's vectors. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Poseidon2SolidityTest {
  private AnvilFixture l1;
  private EthAddress harness;

  @BeforeAll
  void setUp() {
    l1 = new AnvilFixture();
    harness = l1.sequencer.deploy(ContractArtifact.load("Poseidon2Harness").bytecode(), "deploy Poseidon2Harness");
  }

  @AfterAll
  void tearDown() {
    l1.close();
  }

  @Test
  void permutationMatchesBarretenbergsPublishedVector() {
    // barretenberg poseidon2_params.hpp TEST_VECTOR_INPUT [0, 1, 2, 3] / TEST_VECTOR_OUTPUT
    assertEquals(List.of(
        Fr.fromHex("0x01bd538c2ee014ed5141b29e9ae240bf8db3fe5b9a38629a9647cf8d76c01737"),
        Fr.fromHex("0x239b62e7db98aa3a2a8f6a0d2fa1709e7a35959aa6c7034814d9daa90cbac662"),
        Fr.fromHex("0x04cbb44c61d928ed06808456bf758cbf0c18d1e15a7b6dbc8245fa7515d5e3cb"),
        Fr.fromHex("0x2e11c5cff2a22c64d01304b778d78f6998eff1ab73163a35603f54794c30847a")),
        permutation(Fr.of(0), Fr.of(1), Fr.of(2), Fr.of(3)));
  }

  @Test
  void hashMatchesBarretenbergsConsistencyCheck() {
    // barretenberg poseidon2.test.cpp HashConsistencyCheck: four copies of 0x9a80…89 (reduced mod r)
    BigInteger raw = new BigInteger("9a807b615c4d3e2fa0b1c2d3e4f56789fedcba9876543210abcdef0123456789", 16);
    Fr expected = Fr.fromHex("0x2f43a0f83b51a6f5fc839dea0ecec74947637802a579fa9841930a25a0bcec11");
    assertEquals(expected, hash(List.of(raw, raw, raw, raw)), "unreduced inputs are reduced");
    Fr a = Fr.reduce(raw);
    assertEquals(expected, hash(List.of(a.toBigInteger(), a.toBigInteger(), a.toBigInteger(), a.toBigInteger())));
  }

  @Test
  void permutationAndHashesMatchCryptoOnRandomInputs() {
    Random random = new Random(20261205);
    for (int i = 0; i < 8; i++) {
      Fr[] state = {random(random), random(random), random(random), random(random)};
      assertEquals(List.of(Poseidon2.permutation(state)), permutation(state));
      Fr a = random(random);
      Fr b = random(random);
      assertEquals(Poseidon2.hash2(a, b), hash2(a, b));
    }
    for (int n = 0; n <= 10; n++) {
      List<BigInteger> inputs = new ArrayList<>();
      Fr[] fields = new Fr[n];
      for (int i = 0; i < n; i++) {
        fields[i] = random(random);
        inputs.add(fields[i].toBigInteger());
      }
      assertEquals(Poseidon2.hash(fields), hash(inputs), "hash of " + n + " inputs");
    }
  }

  @Test
  void reportsGas() {
    Random random = new Random(7);
    List<Type> hash2Result = Abi.decode(l1.sequencer.call(harness, Abi.call("hash2Gas(uint256,uint256)",
        List.of(new Uint256(random(random).toBigInteger()), new Uint256(random(random).toBigInteger()))),
        "hash2Gas"), "uint256", "uint256");
    long hash2Gas = ((BigInteger) hash2Result.get(0).getValue()).longValueExact();
    System.out.println("Poseidon2.sol hash2 (one permutation): " + hash2Gas + " gas");
    for (int n : List.of(3, 6, 18)) {
      List<Uint256> inputs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        inputs.add(new Uint256(random(random).toBigInteger()));
      }
      List<Type> result = Abi.decode(l1.sequencer.call(harness, Abi.call("hashGas(uint256[])",
          List.of(new DynamicArray<>(Uint256.class, inputs))), "hashGas"), "uint256", "uint256");
      System.out.println("Poseidon2.sol hash of " + n + " inputs: " + result.get(0).getValue() + " gas");
    }
    // a permutation costs a few thousand gas; anything far off means the code changed shape
    assertEquals(true, hash2Gas > 3_000 && hash2Gas < 40_000, "hash2 gas " + hash2Gas);
  }

  private List<Fr> permutation(Fr... state) {
    List<Uint256> words = List.of(state).stream().map(f -> new Uint256(f.toBigInteger())).toList();
    byte[] returned = l1.sequencer.call(harness, Abi.call("permutation(uint256[4])",
        List.of(new StaticArray4<>(Uint256.class, words))), "Poseidon2Harness.permutation");
    List<Fr> out = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      byte[] word = java.util.Arrays.copyOfRange(returned, 32 * i, 32 * i + 32);
      out.add(Fr.fromBigInteger(new BigInteger(1, word)));
    }
    return out;
  }

  private Fr hash2(Fr a, Fr b) {
    return word(l1.sequencer.call(harness, Abi.call("hash2(uint256,uint256)", List.of(new Uint256(a.toBigInteger()),
        new Uint256(b.toBigInteger()))), "Poseidon2Harness.hash2"));
  }

  private Fr hash(List<BigInteger> inputs) {
    return word(l1.sequencer.call(harness, Abi.call("hash(uint256[])", List.of(new DynamicArray<>(Uint256.class,
        inputs.stream().map(Uint256::new).toList()))), "Poseidon2Harness.hash"));
  }

  private static Fr word(byte[] returned) {
    return Fr.fromBigInteger(new BigInteger(1, java.util.Arrays.copyOfRange(returned, 0, 32)));
  }

  private static Fr random(Random random) {
    return Fr.reduce(new BigInteger(300, random));
  }
}
