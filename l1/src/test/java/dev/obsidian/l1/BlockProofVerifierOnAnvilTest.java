package dev.obsidian.l1;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.circuits.groth16.Proof;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.EthAddress;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * BlockProofVerifier's input wiring and batched pairing with small STAND-IN circuits of the right input counts (21
 * for a 2-tx block root, 13 per base proof), so every case runs in seconds; the real circuits are in
 * RollupBlockProofOnAnvilIT. The inputs are built here from the layout in l1/README.md, independently of the
 * contract: the batch passes exactly when both sides agree.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BlockProofVerifierOnAnvilTest {
  private AnvilFixture l1;
  private StandInCircuit root;
  private StandInCircuit base;
  private EthAddress verifier;
  private final SplittableRandom random = new SplittableRandom(8);

  @BeforeAll
  void setUp() {
    l1 = new AnvilFixture();
    root = new StandInCircuit(19 + 2, "stand-in-root-2");
    base = new StandInCircuit(13, "stand-in-base");
    verifier = Deployer.deployBlockProofVerifier(l1.sequencer, List.of(root.provingKey.verifyingKey()), List.of(2),
        List.of(base.provingKey.verifyingKey()));
  }

  @AfterAll
  void tearDown() {
    l1.close();
  }

  private record Block(List<Fr> statement, BlockProofCalldata.Batch batch) {}

  /** A 2-tx block whose stand-in proofs are over the inputs the README's layout gives. */
  private Block block() {
    List<Fr> statement = new ArrayList<>(fields(10));
    statement.add(Fr.of(2));
    List<Fr> start = fields(6);
    List<Fr> endSizes = fields(3);
    List<Fr> middle = fields(6);
    List<Fr> commitments = fields(2);
    List<Fr> end = List.of(statement.get(5), endSizes.get(0), statement.get(6), endSizes.get(1), statement.get(7),
        endSizes.get(2));
    List<Fr> rootInputs = new ArrayList<>(statement.subList(0, 5));
    rootInputs.addAll(start);
    rootInputs.addAll(end);
    rootInputs.add(statement.get(8));
    rootInputs.add(statement.get(9));
    rootInputs.addAll(commitments);
    Proof rootProof = root.prove(rootInputs, 1);
    List<BlockProofCalldata.BaseProof> baseProofs = List.of(
        new BlockProofCalldata.BaseProof(0, base.prove(concat(start, middle, commitments.get(0)), 2)),
        new BlockProofCalldata.BaseProof(0, base.prove(concat(middle, end, commitments.get(1)), 3)));
    return new Block(statement, new BlockProofCalldata.Batch(0, rootProof, start, endSizes, commitments,
        List.of(middle), baseProofs));
  }

  @Test
  void acceptsTheBatchAndRefusesSwappedOrAlteredParts() {
    Block block = block();
    assertTrue(verify(block.batch(), block.statement()));
    BlockProofCalldata.Batch b = block.batch();
    List<BlockProofCalldata.BaseProof> swapped = List.of(b.baseProofs().get(1), b.baseProofs().get(0));
    assertFalse(verify(new BlockProofCalldata.Batch(0, b.rootProof(), b.start(), b.endSizes(),
        b.txEffectsCommitments(), b.intermediate(), swapped), block.statement()));
    List<Fr> otherMiddle = new ArrayList<>(b.intermediate().get(0));
    otherMiddle.set(3, otherMiddle.get(3).add(Fr.ONE));
    assertFalse(verify(new BlockProofCalldata.Batch(0, b.rootProof(), b.start(), b.endSizes(),
        b.txEffectsCommitments(), List.of(otherMiddle), b.baseProofs()), block.statement()));
    List<Fr> otherStatement = new ArrayList<>(block.statement());
    otherStatement.set(6, otherStatement.get(6).add(Fr.ONE)); // end nullifier root: the root's and last base's
    assertFalse(verify(b, otherStatement));
  }

  @Test
  void refusesMalformedBatchesWithNamedErrors() {
    Block block = block();
    BlockProofCalldata.Batch b = block.batch();
    RollupOnAnvilTest.assertRevert("BlockProofVerifier__WrongStatementLength",
        () -> verify(b, block.statement().subList(0, 10)));
    List<Fr> threeTxs = new ArrayList<>(block.statement());
    threeTxs.set(10, Fr.of(3));
    RollupOnAnvilTest.assertRevert("BlockProofVerifier__TooManyTxs", () -> verify(b, threeTxs));
    List<Fr> oneTx = new ArrayList<>(block.statement());
    oneTx.set(10, Fr.ONE);
    RollupOnAnvilTest.assertRevert("BlockProofVerifier__WrongBaseProofCount", () -> verify(b, oneTx));
    RollupOnAnvilTest.assertRevert("BlockProofVerifier__WrongIntermediateCount", () -> verify(
        new BlockProofCalldata.Batch(0, b.rootProof(), b.start(), b.endSizes(), b.txEffectsCommitments(), List.of(),
            b.baseProofs()), block.statement()));
    RollupOnAnvilTest.assertRevert("BlockProofVerifier__UnknownRootVariant", () -> verify(
        new BlockProofCalldata.Batch(1, b.rootProof(), b.start(), b.endSizes(), b.txEffectsCommitments(),
            b.intermediate(), b.baseProofs()), block.statement()));
    RollupOnAnvilTest.assertRevert("BlockProofVerifier__UnknownBaseVariant", () -> verify(
        new BlockProofCalldata.Batch(0, b.rootProof(), b.start(), b.endSizes(), b.txEffectsCommitments(),
            b.intermediate(), List.of(b.baseProofs().get(0), new BlockProofCalldata.BaseProof(1,
                b.baseProofs().get(1).proof()))), block.statement()));
    RollupOnAnvilTest.assertRevert("BlockProofVerifier__WrongCommitmentCount", () -> verify(
        new BlockProofCalldata.Batch(0, b.rootProof(), b.start(), b.endSizes(), b.txEffectsCommitments().subList(0,
            1), b.intermediate(), b.baseProofs()), block.statement()));
  }

  private boolean verify(BlockProofCalldata.Batch batch, List<Fr> statement) {
    byte[] returned = l1.sequencer.call(verifier, Groth16VerifierContract.verifyCall(batch.encode(),
        Groth16VerifierContract.inputWords(statement)), "BlockProofVerifier.verify");
    return new BigInteger(1, returned).equals(BigInteger.ONE);
  }

  private List<Fr> fields(int count) {
    List<Fr> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(Fr.of(random.nextLong(1, Long.MAX_VALUE)));
    }
    return out;
  }

  private static List<Fr> concat(List<Fr> a, List<Fr> b, Fr last) {
    List<Fr> out = new ArrayList<>(a);
    out.addAll(b);
    out.add(last);
    return out;
  }
}
