package dev.obsidian.l1;

import dev.obsidian.circuits.bn254.Fq2;
import dev.obsidian.circuits.bn254.G1Point;
import dev.obsidian.circuits.bn254.G2Point;
import dev.obsidian.circuits.groth16.Proof;
import dev.obsidian.circuits.groth16.VerifyingKey;
import dev.obsidian.crypto.field.Fq;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.EthAddress;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * A deployed {@code Groth16Verifier} (l1/src/main/solidity/Groth16Verifier.sol): the verifying key as the contract's
 * constructor words, a proof as {@code abi.encode(uint256[2] a, uint256[2][2] b, uint256[2] c)} with G2 coordinates
 * in the EVM's order (x1, x0, y1, y0; EIP-197), and {@code verify} by eth_call.
 */
public final class Groth16VerifierContract {
  private static final String VERIFY = "verify(bytes,uint256[])";

  private final L1Client client;
  private final EthAddress address;

  public Groth16VerifierContract(L1Client client, EthAddress address) {
    this.client = client;
    this.address = address;
  }

  /** Deploys a verifier holding {@code vk}; the constructor refuses a key with points off the curve or G2. */
  public static Groth16VerifierContract deploy(L1Client client, VerifyingKey vk) {
    return deploy(client, keyWords(vk));
  }

  /** Deploys a verifier from raw key words (tests use this to hand it malformed keys). */
  @SuppressWarnings("rawtypes")
  public static Groth16VerifierContract deploy(L1Client client, List<BigInteger> keyWords) {
    List<Type> arguments = List.of(uints(keyWords));
    EthAddress address = client.deploy(
        Abi.constructor(ContractArtifact.load("Groth16Verifier").bytecode(), arguments), "deploy Groth16Verifier");
    return new Groth16VerifierContract(client, address);
  }

  public EthAddress address() {
    return address;
  }

  /** The key layout of Groth16Verifier.sol: alpha, beta, gamma, delta, then ic[0..n]. */
  public static List<BigInteger> keyWords(VerifyingKey vk) {
    List<BigInteger> words = new ArrayList<>();
    addG1(words, vk.alpha1());
    addG2(words, vk.beta2());
    addG2(words, vk.gamma2());
    addG2(words, vk.delta2());
    vk.ic().forEach(point -> addG1(words, point));
    return words;
  }

  /** The 8 words of a proof in the order {@code verify} reads them. */
  public static List<BigInteger> proofWords(Proof proof) {
    List<BigInteger> words = new ArrayList<>();
    addG1(words, proof.a());
    addG2(words, proof.b());
    addG1(words, proof.c());
    return words;
  }

  /** {@code abi.encode(a, b, c)}: the 8 words as 256 bytes. */
  public static byte[] proofBytes(Proof proof) {
    return concatWords(proofWords(proof));
  }

  public static byte[] concatWords(List<BigInteger> words) {
    byte[] out = new byte[32 * words.size()];
    for (int i = 0; i < words.size(); i++) {
      byte[] word = toWord(words.get(i));
      System.arraycopy(word, 0, out, 32 * i, 32);
    }
    return out;
  }

  public static List<BigInteger> inputWords(List<Fr> inputs) {
    return inputs.stream().map(Fr::toBigInteger).toList();
  }

  /** eth_call of verify: true or false from the pairing check; malformed input throws {@link L1RevertException}. */
  public boolean verify(byte[] proof, List<BigInteger> inputs) {
    byte[] returned = client.call(address, verifyCall(proof, inputs), "Groth16Verifier.verify");
    return (Boolean) Abi.decode(returned, "bool").get(0).getValue();
  }

  /** verify sent as a transaction, for its gas (21,000 + calldata + execution) in the receipt. */
  public TransactionReceipt verifyInTransaction(byte[] proof, List<BigInteger> inputs) {
    return client.send(address, verifyCall(proof, inputs), "Groth16Verifier.verify (transaction)");
  }

  /** Calldata of verify(proof, inputs). */
  @SuppressWarnings("rawtypes")
  public static byte[] verifyCall(byte[] proof, List<BigInteger> inputs) {
    return Abi.call(VERIFY, List.<Type>of(new DynamicBytes(proof), uints(inputs)));
  }

  public long numInputs() {
    return ((BigInteger) Abi.decode(client.call(address, Abi.call("NUM_INPUTS()", List.of()),
        "Groth16Verifier.NUM_INPUTS"), "uint256").get(0).getValue()).longValueExact();
  }

  /** keccak256 of the key words as the contract computed it at deployment. */
  public byte[] keyHash() {
    return (byte[]) Abi.decode(client.call(address, Abi.call("KEY_HASH()", List.of()), "Groth16Verifier.KEY_HASH"),
        "bytes32").get(0).getValue();
  }

  private static DynamicArray<Uint256> uints(List<BigInteger> values) {
    return new DynamicArray<>(Uint256.class, values.stream().map(Uint256::new).toList());
  }

  private static void addG1(List<BigInteger> words, G1Point point) {
    words.add(coordinate(point.x()));
    words.add(coordinate(point.y()));
  }

  /** EIP-197 encodes an Fq2 element x0 + x1·u as (x1, x0). Infinity is all zeros, as G2Point stores it. */
  private static void addG2(List<BigInteger> words, G2Point point) {
    addFq2(words, point.x());
    addFq2(words, point.y());
  }

  private static void addFq2(List<BigInteger> words, Fq2 value) {
    words.add(coordinate(value.c1()));
    words.add(coordinate(value.c0()));
  }

  private static BigInteger coordinate(Fq value) {
    return value.toBigInteger();
  }

  private static byte[] toWord(BigInteger value) {
    if (value.signum() < 0 || value.bitLength() > 256) {
      throw new IllegalArgumentException("not a uint256: " + value);
    }
    byte[] raw = value.toByteArray();
    byte[] word = new byte[32];
    int length = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - length, word, 32 - length, length);
    return word;
  }
}
