package dev.obsidian.actors;

import dev.obsidian.actors.block.BlockHeader;
import dev.obsidian.actors.block.GlobalVariables;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.block.StateReference;
import dev.obsidian.actors.block.TxEffect;
import dev.obsidian.actors.tx.Expiration;
import dev.obsidian.actors.tx.Gas;
import dev.obsidian.actors.tx.GasFees;
import dev.obsidian.actors.tx.GasSettings;
import dev.obsidian.actors.tx.HashedTx;
import dev.obsidian.actors.tx.PrivateLog;
import dev.obsidian.actors.tx.PublicCallRequest;
import dev.obsidian.actors.tx.PublicDataWrite;
import dev.obsidian.actors.tx.PublicLog;
import dev.obsidian.actors.tx.ScopedL2ToL1Message;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.actors.tx.TxEffects;
import dev.obsidian.actors.tx.TxHash;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.EthAddress;
import dev.obsidian.merkle.TreeInfo;
import dev.obsidian.persistence.TypeRegistrar;
import dev.obsidian.persistence.TypeRegistry;

/**
 * Fixed Kryo ids of everything the actors journal or send (named in this module's reference.conf). Ids 1000-1199 belong
 * to this module; never change or reuse one.
 */
public final class ActorTypes implements TypeRegistrar {
  @Override
  public void registerTypes(TypeRegistry.Builder types) {
    types.register(1000, Fr.class, new FrCodec())
        .register(1001, EthAddress.class, new EthAddressCodec())
        .register(1002, AztecAddress.class, 1)
        .register(1003, TreeInfo.class, 1);
    registerTx(types);
    registerBlock(types);
    registerMempool(types);
    registerSequencer(types);
    registerProving(types);
  }

  /** Proving: jobs and results cross the wire to workers in other JVMs; accepted proofs are journaled. */
  private static void registerProving(TypeRegistry.Builder types) {
    types.register(1150, BlockProver.ProvingJob.class, 1)
        .register(1151, BlockProver.ProvingResult.class, 1)
        .register(1152, ProverWorker.Job.class, 1)
        .register(1153, ProverWorker.JobDone.class, 1)
        .register(1154, ProverWorker.JobFailed.class, 1)
        .register(1155, BlockProofs.AcceptedProof.class, 1)
        .register(1156, BlockProofs.ProofsRecorded.class, 1)
        .register(1157, BlockProofs.State.class, 1)
        .register(1158, Sequencer.BlockLeftUnproven.class, 1);
  }

  private static void registerTx(TypeRegistry.Builder types) {
    types.register(1010, TxHash.class, 1)
        .register(1011, Gas.class, 1)
        .register(1012, GasFees.class, 1)
        .register(1013, GasSettings.class, 1)
        .register(1014, PublicDataWrite.class, 1)
        .register(1015, ScopedL2ToL1Message.class, 1)
        .register(1016, PrivateLog.class, 1)
        .register(1017, PublicLog.class, 1)
        .register(1018, PublicCallRequest.class, 1)
        .register(1019, Expiration.class, 1)
        .register(1020, TxEffects.class, 1)
        .register(1021, Tx.class, 1)
        .register(1022, TxVerdict.Accepted.class, 1)
        .register(1023, TxVerdict.Rejected.class, 1)
        .registerEnum(1024, TxVerdict.Code.class)
        .register(1025, TxReceipt.class, 1)
        .registerEnum(1026, TxStatus.class)
        .register(1027, HashedTx.class, 1);
  }

  private static void registerBlock(TypeRegistry.Builder types) {
    types.register(1040, GlobalVariables.class, 1)
        .register(1041, StateReference.class, 1)
        .register(1042, BlockHeader.class, 1)
        .register(1043, TxEffect.class, 1)
        .register(1044, L2Block.class, 2); // 2: l1ToL2Messages
  }

  private static void registerMempool(TypeRegistry.Builder types) {
    types.register(1060, Mempool.SubmitTx.class, 1)
        .register(1061, Mempool.CheckTx.class, 1)
        .register(1062, Mempool.SelectTxs.class, 1)
        .register(1063, Mempool.Selection.class, 1)
        .register(1064, Mempool.MarkIncluded.class, 1)
        .register(1065, Mempool.Restore.class, 1)
        .register(1066, Mempool.GetTxs.class, 1)
        .register(1067, Mempool.GetReceipt.class, 1)
        .register(1068, Mempool.GetPendingCount.class, 1)
        .register(1069, Mempool.TxAccepted.class, 1)
        .register(1070, Mempool.TxEvicted.class, 1)
        .register(1071, Mempool.TxsIncluded.class, 1)
        .register(1072, Mempool.TxsRestored.class, 1)
        .register(1073, Mempool.PendingTx.class, 1)
        .register(1074, Mempool.DroppedTx.class, 1)
        .register(1075, Mempool.State.class, 1)
        .register(1076, Mempool.Evict.class, 1)
        .register(1077, Mempool.Reconcile.class, 1);
  }

  private static void registerSequencer(TypeRegistry.Builder types) {
    types.register(1090, Sequencer.BlockProposed.class, 1)
        .register(1091, Sequencer.BlockBuilt.class, 1)
        .register(1092, Sequencer.BlockProofRequested.class, 1)
        .register(1093, Sequencer.BlockProven.class, 1)
        .register(1094, Sequencer.BlockPublished.class, 1)
        .register(1095, Sequencer.BlockLeftUnpublished.class, 1)
        .register(1096, Sequencer.BlockRolledBack.class, 1)
        .register(1097, Sequencer.State.class, 2)
        .register(1099, Sequencer.BlockProofsAccepted.class, 1)
        .registerEnum(1098, SlotPhase.class)
        // 1190-1199: L1 publisher hand-over (issue 5 §3), apart from the ids other work adds after 1098
        .register(1190, Sequencer.BlockHandedToL1Publisher.class, 1)
        // 1191-1192: chain rollback when L1 no longer accepts the chain (issue 5, deep reorg past the prune window)
        .register(1191, Sequencer.ChainRolledBack.class, 1)
        .register(1192, Sequencer.ChainRollbackCompleted.class, 1);
  }

  /** A field element as its 32 canonical big-endian bytes. */
  static final class FrCodec implements TypeRegistry.Codec<Fr> {
    @Override
    public byte[] encode(Fr value) {
      return value.toBytesBE();
    }

    @Override
    public Fr decode(byte[] bytes) {
      return Fr.fromBytesBE(bytes);
    }
  }

  /** An L1 address as its 20 bytes. */
  static final class EthAddressCodec implements TypeRegistry.Codec<EthAddress> {
    @Override
    public byte[] encode(EthAddress value) {
      return value.toBytes();
    }

    @Override
    public EthAddress decode(byte[] bytes) {
      return EthAddress.fromBytes(bytes);
    }
  }
}
