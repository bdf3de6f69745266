package dev.obsidian.node.rpc;

import dev.obsidian.actors.BlockParameter;
import dev.obsidian.actors.IndexedTxEffect;
import dev.obsidian.actors.MembershipWitness;
import dev.obsidian.actors.NodeApi;
import dev.obsidian.actors.NodeInfo;
import dev.obsidian.actors.TaggedPrivateLog;
import dev.obsidian.actors.TxReceipt;
import dev.obsidian.actors.TxVerdict;
import dev.obsidian.actors.WorldStateSyncStatus;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.actors.tx.TxHash;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.merkle.LeafWitness;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * A NodeApi whose answers the test sets, recording what it was asked: it checks the RPC binding (decoding,
 * validation, encoding), not the node. Unset answers fail, so a test notices a call it did not expect.
 */
final class StubNodeApi implements NodeApi {

  final List<String> calls = new ArrayList<>();
  long blockNumber;
  Function<Long, Optional<L2Block>> blocks = number -> Optional.empty();
  Function<Tx, TxVerdict> verdicts = tx -> new TxVerdict.Accepted(tx.hash());
  Function<TxHash, TxReceipt> receipts = TxReceipt::unknown;
  Optional<LeafWitness> leafWitness = Optional.empty();
  RuntimeException failure;

  private <T> CompletionStage<T> answer(String call, T value) {
    calls.add(call);
    return failure != null ? CompletableFuture.failedFuture(failure) : CompletableFuture.completedFuture(value);
  }

  @Override
  public CompletionStage<Long> getBlockNumber() {
    return answer("getBlockNumber", blockNumber);
  }

  @Override
  public CompletionStage<Long> getProvenBlockNumber() {
    return answer("getProvenBlockNumber", blockNumber - 1);
  }

  @Override
  public CompletionStage<Optional<L2Block>> getBlock(long number) {
    return answer("getBlock " + number, blocks.apply(number));
  }

  @Override
  public CompletionStage<List<L2Block>> getBlocks(long from, int limit) {
    return answer("getBlocks " + from + " " + limit, List.of());
  }

  @Override
  public CompletionStage<TxVerdict> sendTx(Tx tx) {
    return answer("sendTx " + tx.hash(), verdicts.apply(tx));
  }

  @Override
  public CompletionStage<TxReceipt> getTxReceipt(TxHash txHash) {
    return answer("getTxReceipt " + txHash, receipts.apply(txHash));
  }

  @Override
  public CompletionStage<Optional<IndexedTxEffect>> getTxEffect(TxHash txHash) {
    return answer("getTxEffect " + txHash, Optional.empty());
  }

  @Override
  public CompletionStage<Integer> getPendingTxCount() {
    return answer("getPendingTxCount", 3);
  }

  @Override
  public CompletionStage<TxVerdict> isValidTx(Tx tx) {
    return answer("isValidTx " + tx.hash(), verdicts.apply(tx));
  }

  @Override
  public CompletionStage<Optional<MembershipWitness>> getNoteHashMembershipWitness(BlockParameter block, Fr noteHash) {
    return answer("getNoteHashMembershipWitness " + block + " " + noteHash, Optional.empty());
  }

  @Override
  public CompletionStage<Optional<LeafWitness>> getNullifierMembershipWitness(BlockParameter block, Fr nullifier) {
    return answer("getNullifierMembershipWitness " + block + " " + nullifier, leafWitness);
  }

  @Override
  public CompletionStage<Optional<LeafWitness>> getLowNullifierMembershipWitness(BlockParameter block, Fr nullifier) {
    return answer("getLowNullifierMembershipWitness " + block + " " + nullifier, leafWitness);
  }

  @Override
  public CompletionStage<Optional<LeafWitness>> getPublicDataWitness(BlockParameter block, Fr leafSlot) {
    return answer("getPublicDataWitness " + block + " " + leafSlot, leafWitness);
  }

  @Override
  public CompletionStage<Fr> getPublicStorageAt(BlockParameter block, AztecAddress contract, Fr slot) {
    return answer("getPublicStorageAt " + block + " " + contract.toField() + " " + slot, Fr.of(77));
  }

  @Override
  public CompletionStage<List<List<TaggedPrivateLog>>> getPrivateLogsByTags(List<Fr> tags) {
    return answer("getPrivateLogsByTags " + tags.size(), tags.stream().map(tag -> List.<TaggedPrivateLog>of()).toList());
  }

  @Override
  public CompletionStage<WorldStateSyncStatus> getWorldStateSyncStatus() {
    return answer("getWorldStateSyncStatus", new WorldStateSyncStatus(blockNumber, Fr.of(5), blockNumber - 1, 0));
  }

  @Override
  public CompletionStage<NodeInfo> getNodeInfo() {
    return answer("getNodeInfo", new NodeInfo("test", 31337, 1, "4.1.2", List.of("proofs are not verified")));
  }

  /** Tips 12 / 10 / 11 with hashes 0x..0c / 0x..0a / 0x..0b; finalized 10. */
  @Override
  public CompletionStage<dev.obsidian.actors.L2Tips> getL2Tips() {
    return answer("getL2Tips", new dev.obsidian.actors.L2Tips(tip(12), tip(10), tip(11), tip(10)));
  }

  private static dev.obsidian.actors.L2Tips.BlockId tip(long number) {
    return new dev.obsidian.actors.L2Tips.BlockId(number, dev.obsidian.crypto.field.Fr.of(number));
  }

  @Override
  public CompletionStage<Optional<dev.obsidian.actors.L1Publisher.PublisherStats>> getL1PublisherStats() {
    return answer("getL1PublisherStats", Optional.of(new dev.obsidian.actors.L1Publisher.PublisherStats(10, 10, 250,
        340, 890, Optional.of("Rollup.propose(block 11) reverted with Rollup__InvalidArchive(...)"))));
  }

  @Override
  public CompletionStage<Boolean> isReady() {
    return answer("isReady", true);
  }
}
