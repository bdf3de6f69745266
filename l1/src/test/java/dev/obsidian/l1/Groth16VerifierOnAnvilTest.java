package dev.obsidian.l1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.circuits.bn254.Fq2;
import dev.obsidian.circuits.bn254.G1Point;
import dev.obsidian.circuits.bn254.G2Point;
import dev.obsidian.circuits.demo.Poseidon2ChainCircuit;
import dev.obsidian.circuits.groth16.DevSetup;
import dev.obsidian.circuits.groth16.Proof;
import dev.obsidian.circuits.groth16.Prover;
import dev.obsidian.circuits.groth16.ProvingKey;
import dev.obsidian.circuits.groth16.Verifier;
import dev.obsidian.circuits.groth16.VerifyingKey;
import dev.obsidian.circuits.snarkjs.SnarkjsJson;
import dev.obsidian.crypto.field.Fq;
import dev.obsidian.crypto.field.Fr;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Groth16Verifier.sol on a real Anvil (the EVM's BN254 precompiles) against proofs made by our prover and by
 * snarkjs 0.7.6 (the committed reference files of the circuits module), and against our Java verifier.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Groth16VerifierOnAnvilTest {
  static final BigInteger BASE_MODULUS = Fq.MODULUS;
  private static final Path SNARKJS_REFERENCE = Path.of("../circuits/src/test/resources/snarkjs");

  private AnvilFixture l1;
  private ProvingKey chainKey;
  private Poseidon2ChainCircuit.Instance chain;
  private Proof chainProof;
  private Groth16VerifierContract chainVerifier;

  @BeforeAll
  void setUp() {
    l1 = new AnvilFixture();
    chain = Poseidon2ChainCircuit.build(2, Fr.of(20261125));
    chainKey = DevSetup.generate(chain.r1cs(), bytes("verifier-test"), quiet());
    chainProof = Prover.prove(chainKey, chain.r1cs(), chain.witness(), new SplittableRandom(1));
    chainVerifier = Groth16VerifierContract.deploy(l1.sequencer, chainKey.verifyingKey());
  }

  @AfterAll
  void tearDown() {
    l1.close();
  }

  @Test
  void acceptsOurProofOfThePoseidon2Chain() {
    assertTrue(Verifier.verify(chainKey.verifyingKey(), chain.publicInputs(), chainProof));
    assertTrue(chainVerifier.verify(Groth16VerifierContract.proofBytes(chainProof), inputs(chain.publicInputs())));
    assertEquals(2, chainVerifier.numInputs());
    byte[] expectedHash = Hash.sha3(Groth16VerifierContract.concatWords(
        Groth16VerifierContract.keyWords(chainKey.verifyingKey())));
    assertArrayEquals(expectedHash, chainVerifier.keyHash());
  }

  @Test
  void acceptsSnarkjsProofForSnarkjsKey() throws Exception {
    VerifyingKey vk = SnarkjsJson.readVerifyingKey(SNARKJS_REFERENCE.resolve("verification_key.json"));
    Proof proof = SnarkjsJson.readProof(SNARKJS_REFERENCE.resolve("proof.json"));
    List<Fr> publicInputs = SnarkjsJson.readPublic(SNARKJS_REFERENCE.resolve("public.json"));
    Groth16VerifierContract verifier = Groth16VerifierContract.deploy(l1.sequencer, vk);
    byte[] proofBytes = Groth16VerifierContract.proofBytes(proof);
    assertTrue(verifier.verify(proofBytes, inputs(publicInputs)));
    assertFalse(verifier.verify(proofBytes, List.of(BigInteger.valueOf(36))));
  }

  @Test
  void rejectsATamperedProof() {
    List<BigInteger> inputs = inputs(chain.publicInputs());
    Proof swapped = new Proof(chainProof.c(), chainProof.b(), chainProof.a());
    assertFalse(chainVerifier.verify(Groth16VerifierContract.proofBytes(swapped), inputs));
    Proof shifted = new Proof(chainProof.a().add(G1Point.GENERATOR), chainProof.b(), chainProof.c());
    assertFalse(chainVerifier.verify(Groth16VerifierContract.proofBytes(shifted), inputs));
    Proof otherB = new Proof(chainProof.a(), chainProof.b().add(G2Point.GENERATOR), chainProof.c());
    assertFalse(chainVerifier.verify(Groth16VerifierContract.proofBytes(otherB), inputs));
  }

  @Test
  void rejectsAWrongPublicInput() {
    List<BigInteger> inputs = new ArrayList<>(inputs(chain.publicInputs()));
    inputs.set(1, inputs.get(1).add(BigInteger.ONE));
    assertFalse(chainVerifier.verify(Groth16VerifierContract.proofBytes(chainProof), inputs));
  }

  @Test
  void refusesAnInputOutsideTheScalarField() {
    List<BigInteger> inputs = new ArrayList<>(inputs(chain.publicInputs()));
    // x + r is the same point multiple for ecMul: only the explicit range check stops it
    inputs.set(0, inputs.get(0).add(Fr.MODULUS));
    L1RevertException revert = RollupOnAnvilTest.assertRevert("Groth16Verifier__InputNotInField",
        () -> chainVerifier.verify(Groth16VerifierContract.proofBytes(chainProof), inputs));
    assertEquals("index=0", revert.arguments().get(0));
    inputs.set(0, Fr.MODULUS);
    RollupOnAnvilTest.assertRevert("Groth16Verifier__InputNotInField",
        () -> chainVerifier.verify(Groth16VerifierContract.proofBytes(chainProof), inputs));
  }

  @Test
  void refusesAWrongInputCount() {
    List<BigInteger> inputs = new ArrayList<>(inputs(chain.publicInputs()));
    inputs.add(BigInteger.ONE);
    L1RevertException revert = RollupOnAnvilTest.assertRevert("Groth16Verifier__WrongInputCount",
        () -> chainVerifier.verify(Groth16VerifierContract.proofBytes(chainProof), inputs));
    assertEquals(List.of("expected=2", "actual=3"), revert.arguments());
    RollupOnAnvilTest.assertRevert("Groth16Verifier__WrongInputCount",
        () -> chainVerifier.verify(Groth16VerifierContract.proofBytes(chainProof), List.of()));
  }

  @Test
  void rejectsAProofForAnotherKey() {
    ProvingKey otherKey = DevSetup.generate(chain.r1cs(), bytes("another-setup"), quiet());
    Proof otherProof = Prover.prove(otherKey, chain.r1cs(), chain.witness(), new SplittableRandom(2));
    assertTrue(Verifier.verify(otherKey.verifyingKey(), chain.publicInputs(), otherProof));
    assertFalse(chainVerifier.verify(Groth16VerifierContract.proofBytes(otherProof), inputs(chain.publicInputs())));
    Groth16VerifierContract otherVerifier = Groth16VerifierContract.deploy(l1.sequencer, otherKey.verifyingKey());
    assertTrue(otherVerifier.verify(Groth16VerifierContract.proofBytes(otherProof), inputs(chain.publicInputs())));
  }

  @Test
  void refusesMalformedProofs() {
    List<BigInteger> inputs = inputs(chain.publicInputs());
    List<BigInteger> words = Groth16VerifierContract.proofWords(chainProof);
    byte[] shortProof = new byte[255];
    RollupOnAnvilTest.assertRevert("Groth16Verifier__InvalidProofLength",
        () -> chainVerifier.verify(shortProof, inputs));
    List<BigInteger> unreduced = new ArrayList<>(words);
    unreduced.set(1, words.get(1).add(BASE_MODULUS));
    L1RevertException notInField = RollupOnAnvilTest.assertRevert("Groth16Verifier__ProofCoordinateNotInField",
        () -> chainVerifier.verify(Groth16VerifierContract.concatWords(unreduced), inputs));
    assertEquals("word=1", notInField.arguments().get(0));
    List<BigInteger> offCurve = new ArrayList<>(words);
    offCurve.set(7, words.get(7).add(BigInteger.ONE).mod(BASE_MODULUS));
    L1RevertException c = RollupOnAnvilTest.assertRevert("Groth16Verifier__ProofPointNotOnCurve",
        () -> chainVerifier.verify(Groth16VerifierContract.concatWords(offCurve), inputs));
    assertEquals(List.of("point=c"), c.arguments());
    List<BigInteger> bOffTwist = new ArrayList<>(words);
    bOffTwist.set(2, words.get(2).add(BigInteger.ONE).mod(BASE_MODULUS));
    RollupOnAnvilTest.assertRevert("Groth16Verifier__ProofBNotInG2",
        () -> chainVerifier.verify(Groth16VerifierContract.concatWords(bOffTwist), inputs));
  }

  @Test
  void refusesAKeyWithPointsOffTheCurve() {
    List<BigInteger> key = Groth16VerifierContract.keyWords(chainKey.verifyingKey());
    List<BigInteger> badIc = new ArrayList<>(key);
    badIc.set(17, key.get(17).add(BigInteger.ONE).mod(BASE_MODULUS));
    L1RevertException revert = RollupOnAnvilTest.assertRevert("Groth16Verifier__KeyPointNotOnCurve",
        () -> Groth16VerifierContract.deploy(l1.sequencer, badIc));
    assertEquals(List.of("word=16"), revert.arguments());
    List<BigInteger> badDelta = new ArrayList<>(key);
    badDelta.set(13, key.get(13).add(BigInteger.ONE).mod(BASE_MODULUS));
    RollupOnAnvilTest.assertRevert("Groth16Verifier__KeyPointNotInG2",
        () -> Groth16VerifierContract.deploy(l1.sequencer, badDelta));
    RollupOnAnvilTest.assertRevert("Groth16Verifier__InvalidKeyLength",
        () -> Groth16VerifierContract.deploy(l1.sequencer, key.subList(0, key.size() - 1)));
  }

  /**
   * Random tamperings of a valid statement (a proof point replaced by a random point on or off its curve, or a
   * public input changed): the contract accepts exactly when our Java verifier does.
   */
  @Test
  void agreesWithTheJavaVerifierOnRandomTampering() {
    SplittableRandom random = new SplittableRandom(42);
    int accepted = 0;
    for (int trial = 0; trial < 40; trial++) {
      Proof proof = chainProof;
      List<Fr> publicInputs = new ArrayList<>(chain.publicInputs());
      switch (random.nextInt(5)) {
        case 0 -> proof = new Proof(randomG1(random), proof.b(), proof.c());
        case 1 -> proof = new Proof(proof.a(), proof.b(), randomG1(random));
        case 2 -> proof = new Proof(proof.a(), randomG2(random), proof.c());
        case 3 -> publicInputs.set(random.nextInt(2), Fr.fromBigInteger(
            new BigInteger(250, new java.util.Random(random.nextLong()))));
        default -> { } // unchanged: both must accept
      }
      boolean java = javaAccepts(publicInputs, proof);
      boolean contract = contractAccepts(publicInputs, proof);
      assertEquals(java, contract, "trial " + trial);
      accepted += java ? 1 : 0;
    }
    assertTrue(accepted > 0 && accepted < 40, "the trials include valid and invalid statements: " + accepted);
  }

  @Test
  void reportsVerifyGasFor1And2And7And16Inputs() {
    StringBuilder report = new StringBuilder("Groth16Verifier.verify gas (transaction total incl. 21,000 + calldata;"
        + " execution only in brackets):");
    for (int n : new int[] {1, 2, 7, 16}) {
      StandInCircuit circuit = new StandInCircuit(n, "gas-" + n);
      List<Fr> publicInputs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        publicInputs.add(Fr.fromBigInteger(BigInteger.valueOf(1000 + i).pow(20).mod(Fr.MODULUS)));
      }
      Proof proof = circuit.prove(publicInputs, n);
      Groth16VerifierContract verifier = Groth16VerifierContract.deploy(l1.sequencer,
          circuit.provingKey.verifyingKey());
      byte[] proofBytes = Groth16VerifierContract.proofBytes(proof);
      assertTrue(verifier.verify(proofBytes, inputs(publicInputs)));
      TransactionReceipt receipt = verifier.verifyInTransaction(proofBytes, inputs(publicInputs));
      long total = receipt.getGasUsed().longValueExact();
      long calldata = calldataGas(Groth16VerifierContract.verifyCall(proofBytes, inputs(publicInputs)));
      report.append(String.format(" %d inputs: %,d (%,d);", n, total, total - 21_000 - calldata));
    }
    System.out.println(report);
  }

  static long calldataGas(byte[] data) {
    long gas = 0;
    for (byte b : data) {
      gas += b == 0 ? 4 : 16;
    }
    return gas;
  }

  private boolean javaAccepts(List<Fr> publicInputs, Proof proof) {
    try {
      return Verifier.verify(chainKey.verifyingKey(), publicInputs, proof);
    } catch (IllegalArgumentException notAPoint) {
      return false;
    }
  }

  private boolean contractAccepts(List<Fr> publicInputs, Proof proof) {
    try {
      return chainVerifier.verify(Groth16VerifierContract.proofBytes(proof), inputs(publicInputs));
    } catch (L1RevertException refused) {
      return false;
    }
  }

  /** Half the time a point of G1, else a random pair (almost surely off the curve). */
  private static G1Point randomG1(SplittableRandom random) {
    if (random.nextBoolean()) {
      return G1Point.GENERATOR.mul(BigInteger.valueOf(random.nextLong() & Long.MAX_VALUE));
    }
    return new G1Point(randomFq(random), randomFq(random));
  }

  /** Half the time a point of G2, else a random pair (almost surely off the twist). */
  private static G2Point randomG2(SplittableRandom random) {
    if (random.nextBoolean()) {
      return G2Point.GENERATOR.mul(BigInteger.valueOf(random.nextLong() & Long.MAX_VALUE));
    }
    return new G2Point(new Fq2(randomFq(random), randomFq(random)), new Fq2(randomFq(random), randomFq(random)));
  }

  private static Fq randomFq(SplittableRandom random) {
    return Fq.fromBigInteger(new BigInteger(256, new java.util.Random(random.nextLong())).mod(BASE_MODULUS));
  }

  static List<BigInteger> inputs(List<Fr> values) {
    return Groth16VerifierContract.inputWords(values);
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static PrintStream quiet() {
    return new PrintStream(OutputStream.nullOutputStream()); // test keys: the dev setup's warning is known here
  }
}
