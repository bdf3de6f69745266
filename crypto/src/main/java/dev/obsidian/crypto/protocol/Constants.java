package dev.obsidian.crypto.protocol;

import dev.obsidian.crypto.field.Fr;
import java.math.BigInteger;

/**
 * Aztec protocol 4.1.2 constants used by Obsidian.
 *
 * <p>Source, unless a constant says otherwise: aztec-packages v4.1.2,
 * {@code yarn-project/constants/src/constants.gen.ts}, which is generated from
 * {@code noir-projects/noir-protocol-circuits/crates/types/src/constants.nr} (values checked against the
 * published npm package {@code @aztec/constants@4.1.2}). Names are kept exactly as Aztec spells them so a
 * reader can grep both code bases; {@code ConstantsTest} cross-checks each value against the reference vectors.
 */
public final class Constants {

  private Constants() {}

  // ---- Tree heights ----
  public static final int ARCHIVE_HEIGHT = 30;
  public static final int NOTE_HASH_TREE_HEIGHT = 42;
  public static final int NULLIFIER_TREE_HEIGHT = 42;
  public static final int PUBLIC_DATA_TREE_HEIGHT = 40;
  public static final int L1_TO_L2_MSG_TREE_HEIGHT = 36;
  public static final int OUT_HASH_TREE_HEIGHT = 5;
  public static final int VK_TREE_HEIGHT = 7;
  public static final int FUNCTION_TREE_HEIGHT = 7;
  public static final int ARTIFACT_FUNCTION_TREE_MAX_HEIGHT = 7;

  // ---- Tree ids (order of the world-state trees) ----
  public static final int NULLIFIER_TREE_ID = 0;
  public static final int NOTE_HASH_TREE_ID = 1;
  public static final int PUBLIC_DATA_TREE_ID = 2;
  public static final int L1_TO_L2_MESSAGE_TREE_ID = 3;
  public static final int ARCHIVE_TREE_ID = 4;

  // ---- Leaf counts ----
  public static final long NOTE_HASH_TREE_LEAF_COUNT = 4398046511104L;
  public static final long L1_TO_L2_MSG_TREE_LEAF_COUNT = 68719476736L;
  public static final int OUT_HASH_TREE_LEAF_COUNT = 32;

  // ---- Subtree heights (one tx's or one checkpoint's batch is inserted as a subtree) ----
  public static final int NOTE_HASH_SUBTREE_HEIGHT = 6;
  public static final int NULLIFIER_SUBTREE_HEIGHT = 6;
  public static final int PUBLIC_DATA_SUBTREE_HEIGHT = 6;
  public static final int L1_TO_L2_MSG_SUBTREE_HEIGHT = 10;
  public static final int NOTE_HASH_SUBTREE_ROOT_SIBLING_PATH_LENGTH = 36;
  public static final int NULLIFIER_SUBTREE_ROOT_SIBLING_PATH_LENGTH = 36;
  public static final int L1_TO_L2_MSG_SUBTREE_ROOT_SIBLING_PATH_LENGTH = 26;
  public static final int MAX_L2_TO_L1_MSG_SUBTREES_PER_TX = 3;

  // ---- Per-tx limits ----
  public static final int MAX_NOTE_HASHES_PER_TX = 64;
  public static final int MAX_NULLIFIERS_PER_TX = 64;
  public static final int MAX_PRIVATE_CALL_STACK_LENGTH_PER_TX = 16;
  public static final int MAX_ENQUEUED_CALLS_PER_TX = 32;
  public static final int PROTOCOL_PUBLIC_DATA_UPDATE_REQUESTS_PER_TX = 1;
  public static final int MAX_TOTAL_PUBLIC_DATA_UPDATE_REQUESTS_PER_TX = 64;
  public static final int MAX_PUBLIC_DATA_UPDATE_REQUESTS_PER_TX = 63;
  public static final int MAX_PUBLIC_DATA_READS_PER_TX = 64;
  public static final int MAX_L2_TO_L1_MSGS_PER_TX = 8;
  public static final int MAX_PRIVATE_LOGS_PER_TX = 64;
  public static final int MAX_CONTRACT_CLASS_LOGS_PER_TX = 1;
  public static final int MAX_NOTE_HASH_READ_REQUESTS_PER_TX = 64;
  public static final int MAX_NULLIFIER_READ_REQUESTS_PER_TX = 64;
  public static final int MAX_KEY_VALIDATION_REQUESTS_PER_TX = 64;

  // ---- Per-call limits ----
  public static final int MAX_NOTE_HASHES_PER_CALL = 16;
  public static final int MAX_NULLIFIERS_PER_CALL = 16;
  public static final int MAX_PRIVATE_CALL_STACK_LENGTH_PER_CALL = 8;
  public static final int MAX_ENQUEUED_CALLS_PER_CALL = 32;
  public static final int MAX_L2_TO_L1_MSGS_PER_CALL = 8;
  public static final int MAX_PRIVATE_LOGS_PER_CALL = 16;
  public static final int MAX_CONTRACT_CLASS_LOGS_PER_CALL = 1;
  public static final int MAX_NOTE_HASH_READ_REQUESTS_PER_CALL = 16;
  public static final int MAX_NULLIFIER_READ_REQUESTS_PER_CALL = 16;
  public static final int MAX_KEY_VALIDATION_REQUESTS_PER_CALL = 16;

  // ---- Blocks, checkpoints, messages, logs ----
  public static final int NUMBER_OF_L1_L2_MESSAGES_PER_ROLLUP = 1024;
  public static final int INITIAL_CHECKPOINT_NUMBER = 1;
  public static final int INITIAL_L2_BLOCK_NUM = 1;
  public static final int FIELDS_PER_BLOB = 4096;
  public static final int BLOBS_PER_CHECKPOINT = 6;
  public static final int MAX_CHECKPOINTS_PER_EPOCH = 32;
  public static final int MAX_TX_LIFETIME = 86400;
  public static final int PRIVATE_LOG_SIZE_IN_FIELDS = 16;
  public static final int PRIVATE_LOG_CIPHERTEXT_LEN = 15;
  public static final int MAX_PUBLIC_LOG_SIZE_IN_FIELDS = 4094;
  public static final int CONTRACT_CLASS_LOG_SIZE_IN_FIELDS = 3023;
  public static final int MAX_PUBLIC_BYTECODE_SIZE_IN_BYTES = 96000;
  public static final int MAX_PACKED_PUBLIC_BYTECODE_SIZE_IN_FIELDS = 3000;
  public static final int FUNCTION_SELECTOR_NUM_BYTES = 4;
  public static final int MAX_FR_CALLDATA_TO_ALL_ENQUEUED_CALLS = 16000;
  public static final int DA_BYTES_PER_FIELD = 32;
  public static final long TX_START_PREFIX = 2624615704L;
  public static final long BLOCK_END_PREFIX = 3951939007L;
  public static final long CHECKPOINT_END_PREFIX = 2355328067L;
  public static final int MAX_ETH_ADDRESS_BIT_SIZE = 160;
  public static final long MAX_U32_VALUE = 4294967295L;

  // ---- Protocol contracts and their storage ----
  public static final int MAX_PROTOCOL_CONTRACTS = 11;
  public static final int CANONICAL_AUTH_REGISTRY_ADDRESS = 1;
  public static final int CONTRACT_INSTANCE_REGISTRY_CONTRACT_ADDRESS = 2;
  public static final int CONTRACT_CLASS_REGISTRY_CONTRACT_ADDRESS = 3;
  public static final int MULTI_CALL_ENTRYPOINT_ADDRESS = 4;
  public static final int FEE_JUICE_ADDRESS = 5;
  public static final int PUBLIC_CHECKS_ADDRESS = 6;
  public static final int FEE_JUICE_BALANCES_SLOT = 1;
  public static final int UPDATED_CLASS_IDS_SLOT = 1;
  public static final int DEFAULT_UPDATE_DELAY = 86400;
  public static final int MINIMUM_UPDATE_DELAY = 600;

  // ---- Field-valued constants ----
  public static final Fr MAX_FIELD_VALUE = field("21888242871839275222246405745257275088548364400416034343698204186575808495616");
  public static final Fr GENESIS_BLOCK_HEADER_HASH = field("21694244557328181932449230888455310614586084993178835904749768133365362325861");
  public static final Fr GENESIS_ARCHIVE_ROOT = field("9682850228538071369704502076456077473410427336083826595120404283897422804423");
  public static final Fr EMPTY_EPOCH_OUT_HASH = field("355785372471781095838790036702437931769306153278986832745847530947941691539");
  public static final Fr SIDE_EFFECT_MASKING_ADDRESS = field("19523154334483583633304358390644137470227519736821975910774528428729027989987");
  public static final Fr NULL_MSG_SENDER_CONTRACT_ADDRESS = field("21888242871839275222246405745257275088548364400416034343698204186575808495616");
  public static final Fr CONTRACT_CLASS_REGISTRY_BYTECODE_CAPSULE_SLOT = field("14193106819744442689484501689686180698286338820089744102289275815863062044599");
  public static final Fr CONTRACT_CLASS_PUBLISHED_MAGIC_VALUE = field("14907836659448373306373608164128296596488873008270905914742877230397948162628");
  public static final Fr CONTRACT_CLASS_REGISTRY_PRIVATE_FUNCTION_BROADCASTED_MAGIC_VALUE = field("6632427679359753950122686582223287785801228472790519808071945107172278003224");
  public static final Fr CONTRACT_CLASS_REGISTRY_UTILITY_FUNCTION_BROADCASTED_MAGIC_VALUE = field("2863388930963370662477859081312917957786876946407365497018765359301074232169");
  public static final Fr CONTRACT_INSTANCE_PUBLISHED_MAGIC_VALUE = field("10538216027419913765597387738085647348651103543680388181336823392401502757423");
  public static final Fr CONTRACT_INSTANCE_UPDATED_MAGIC_VALUE = field("20721543224513346060908370400407150739273836456436647488068002302723900469047");
  public static final Fr DEFAULT_NPK_M_X = field("582240093077765400562621227108555700500271598878376310175765873770292988861");
  public static final Fr DEFAULT_NPK_M_Y = field("10422444662424639723529825114205836958711284159673861467999592572974769103684");
  public static final Fr DEFAULT_IVPK_M_X = field("339708709767762472786445938838804872781183545349360029270386718856175781484");
  public static final Fr DEFAULT_IVPK_M_Y = field("12719619215050539905199178334954929730355853796706924300730604757520758976849");
  public static final Fr DEFAULT_OVPK_M_X = field("12212787719617305570587928860288475454328008955283046946846066128763901043335");
  public static final Fr DEFAULT_OVPK_M_Y = field("3646747884782549389807830220601404629716007431341772952958971658285958854707");
  public static final Fr DEFAULT_TPK_M_X = field("728059161893070741164607238299536939695876538801885465230641192969135857403");
  public static final Fr DEFAULT_TPK_M_Y = field("14575718736702206050102425029229426215631664471161015518982549597389390371695");
  public static final Fr GRUMPKIN_ONE_X = field("1");
  public static final Fr GRUMPKIN_ONE_Y = field("17631683881184975370165255887551781615748388533673675138860");
  public static final Fr TWO_POW_64 = field("18446744073709551616");

  /**
   * Hash of the empty checkpoint header, the parent of the first checkpoint. Not a generated constant: computed
   * as {@code CheckpointHeader.empty().hash()} and exported as GENESIS_CHECKPOINT_HEADER_HASH by
   * yarn-project/stdlib/src/block/l2_block_source.ts (v4.1.2).
   */
  public static final Fr GENESIS_CHECKPOINT_HEADER_HASH =
      Fr.fromHex("0x007802c95d2f1ade746d97350a18ddbfdb9f5bee2803436917a3cf3d6a685a3a");

  // ---- Initial tree sizes ----
  // Source: yarn-project/world-state/src/world-state-db/merkle_tree_db.ts (v4.1.2). The indexed trees are
  // prefilled so that the first tx's batch can be appended as a whole subtree.

  /** Leaves prefilled in the nullifier tree at genesis: 2 * MAX_NULLIFIERS_PER_TX. */
  public static final int INITIAL_NULLIFIER_TREE_SIZE = 2 * MAX_NULLIFIERS_PER_TX;

  /** Leaves prefilled in the public data tree at genesis: 2 * MAX_TOTAL_PUBLIC_DATA_UPDATE_REQUESTS_PER_TX. */
  public static final int INITIAL_PUBLIC_DATA_TREE_SIZE = 2 * MAX_TOTAL_PUBLIC_DATA_UPDATE_REQUESTS_PER_TX;

  /**
   * Domain separators (called generator indices before 4.x): the first input of a separated Poseidon2 hash, and
   * the 4-byte suffix of the SHA-512 key derivations. Source: the {@code DomainSeparator} enum in
   * {@code constants.gen.ts} / the {@code DOM_SEP__*} globals in {@code constants.nr} (v4.1.2). Several values
   * exceed {@link Integer#MAX_VALUE}, so they are carried as unsigned 32-bit values in a {@code long}.
   */
  public enum DomainSeparator {
    NOTE_HASH(116501019L),
    NOTE_HASH_NONCE(1721808740L),
    UNIQUE_NOTE_HASH(226850429L),
    SILOED_NOTE_HASH(3361878420L),
    NOTE_NULLIFIER(50789342L),
    MESSAGE_NULLIFIER(3754509616L),
    SILOED_NULLIFIER(57496191L),
    PRIVATE_LOG_FIRST_FIELD(2769976252L),
    PUBLIC_LEAF_SLOT(1247650290L),
    PUBLIC_STORAGE_MAP_SLOT(4015149901L),
    PRIVATE_FUNCTION_LEAF(1389398688L),
    PUBLIC_BYTECODE(260313585L),
    CONTRACT_CLASS_ID(3923495515L),
    INITIALIZER(385396519L),
    NHK_M(242137788L),
    IVSK_M(2747825907L),
    OVSK_M(4272201051L),
    TSK_M(1546190975L),
    PUBLIC_KEYS_HASH(777457226L),
    PARTIAL_ADDRESS(2103633018L),
    CONTRACT_ADDRESS_V1(1788365517L),
    BLOCK_HEADER_HASH(4195546849L),
    TX_REQUEST(3763737512L),
    PUBLIC_TX_HASH(1630108851L),
    PRIVATE_TX_HASH(1971680439L),
    PUBLIC_CALLDATA(2760353947L),
    FUNCTION_ARGS(3576554347L),
    PROTOCOL_CONTRACTS(3904434327L),
    EVENT_COMMITMENT(2517418573L),
    AUTHWIT_INNER(221354163L),
    AUTHWIT_OUTER(3283595782L),
    AUTHWIT_NULLIFIER(1239150694L),
    SYMMETRIC_KEY(3882206064L),
    SYMMETRIC_KEY_2(4129434989L),
    CIPHERTEXT_FIELD_MASK(1870492847L),
    PARTIAL_NOTE_VALIDITY_COMMITMENT(623934423L),
    INITIALIZATION_NULLIFIER(1653084894L),
    SECRET_HASH(4199652938L),
    TX_NULLIFIER(1025801951L),
    SIGNATURE_PAYLOAD(463525807L);

    private final long value;
    private final Fr field;

    DomainSeparator(long value) {
      this.value = value;
      this.field = Fr.of(value);
    }

    /** The separator as an unsigned 32-bit number. */
    public long value() {
      return value;
    }

    /** The separator as the field element prepended to a separated hash. */
    public Fr toField() {
      return field;
    }

    /** The separator as Aztec serializes a JS number: 4 bytes, big-endian (used by the SHA-512 key derivations). */
    public byte[] toUint32BytesBE() {
      return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }
  }

  private static Fr field(String decimal) {
    return Fr.fromBigInteger(new BigInteger(decimal));
  }
}
