package dev.obsidian.node.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.obsidian.actors.testkit.RandomTxs;
import dev.obsidian.actors.tx.Expiration;
import dev.obsidian.actors.tx.Gas;
import dev.obsidian.actors.tx.GasFees;
import dev.obsidian.actors.tx.GasSettings;
import dev.obsidian.actors.tx.PrivateLog;
import dev.obsidian.actors.tx.PublicDataWrite;
import dev.obsidian.actors.tx.ScopedL2ToL1Message;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.actors.tx.TxEffects;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.crypto.protocol.EthAddress;
import dev.obsidian.merkle.WorldStateFork;
import java.util.List;
import org.junit.jupiter.api.Test;

class TxJsonTest {

  private static final long MAX_TX_BYTES = 256 * 1024;
  private static final Decoder<Tx> DECODER = TxJson.decoder(MAX_TX_BYTES);

  @Test
  void aHandWrittenTxDecodesToTheRecordsItNames() throws Exception {
    String json = """
        {"anchorBlockHash": "0x2a", "chainId": 31337, "rollupVersion": 1,
         "effects": {"nullifiers": ["0x01", "0x02"], "noteHashes": ["0x03"],
                     "publicDataWrites": [{"leafSlot": "0x04", "value": "0x05"}],
                     "l2ToL1Messages": [{"recipient": "0x00000000000000000000000000000000000000ff",
                                          "content": "0x06", "sender": "0x07"}],
                     "privateLogs": [{"fields": ["0x08", "0x09"]}], "publicLogs": []},
         "publicCalls": [],
         "gasSettings": {"gasLimits": {"daGas": 10, "l2Gas": 20}, "teardownGasLimits": {"daGas": 0, "l2Gas": 0},
                         "maxFeesPerGas": {"feePerDaGas": 3, "feePerL2Gas": 4},
                         "maxPriorityFeesPerGas": {"feePerDaGas": 1, "feePerL2Gas": 2}},
         "feePayer": "0x0b", "expiration": {"maxBlockNumber": 100, "maxTimestampSeconds": 9223372036854775807},
         "proof": "0xcafe"}
        """;
    Tx expected = new Tx(Fr.of(42), 31337, 1,
        new TxEffects(List.of(Fr.of(1), Fr.of(2)), List.of(Fr.of(3)), List.of(new PublicDataWrite(Fr.of(4), Fr.of(5))),
            List.of(new ScopedL2ToL1Message(EthAddress.fromHex("00000000000000000000000000000000000000ff"), Fr.of(6),
                AztecAddress.of(7))),
            List.of(new PrivateLog(List.of(Fr.of(8), Fr.of(9)))), List.of()),
        List.of(), new GasSettings(new Gas(10, 20), Gas.ZERO, new GasFees(3, 4), new GasFees(1, 2)), AztecAddress.of(11),
        new Expiration(100, Long.MAX_VALUE), new byte[] {(byte) 0xca, (byte) 0xfe});
    Tx decoded = DECODER.decode(TestServer.JSON.readTree(json), "tx");
    assertEquals(expected, decoded);
    assertEquals(expected.hash(), decoded.hash());
  }

  @Test
  void encodingThenDecodingGivesTheSameTxAndHash() {
    RandomTxs random = new RandomTxs(5, 31337, 1);
    try (WorldStateFork genesis = WorldStateFork.inMemoryGenesis()) {
      for (int i = 0; i < 20; i++) {
        Tx tx = random.next(Constants.GENESIS_BLOCK_HEADER_HASH, genesis);
        Tx decoded = DECODER.decode(TxJson.encode(tx), "tx");
        assertEquals(tx, decoded);
        assertEquals(tx.hash(), decoded.hash());
      }
    }
  }

  @Test
  void countsAreCappedByAztecsPerTxConstantsBeforeDecoding() {
    ObjectNode tx = sample();
    ArrayNode nullifiers = ((ObjectNode) tx.get("effects")).putArray("nullifiers");
    for (int i = 1; i <= Constants.MAX_NULLIFIERS_PER_TX + 1; i++) {
      nullifiers.add(Fr.of(i).toHex());
    }
    assertInvalid(tx, "tx.effects.nullifiers", "has 65 elements, at most 64 allowed");
  }

  @Test
  void recordChecksBecomeInvalidParamsNamingThePart() {
    ObjectNode duplicate = sample();
    ((ObjectNode) duplicate.get("effects")).putArray("nullifiers").add("0x01").add("0x01");
    assertInvalid(duplicate, "tx.effects", "nullifiers[1] repeats");
    ObjectNode zero = sample();
    ((ObjectNode) zero.get("effects")).putArray("noteHashes").add("0x00");
    assertInvalid(zero, "tx.effects", "noteHashes[0] is zero");
    ObjectNode gas = sample();
    ((ObjectNode) gas.get("gasSettings").get("gasLimits")).put("daGas", Gas.MAX_GAS + 1);
    assertInvalid(gas, "tx.gasSettings.gasLimits.daGas", "[0, 4294967295]");
  }

  @Test
  void unknownAndMissingMembersAreNamed() {
    ObjectNode extra = sample();
    extra.put("signature", "0x00");
    assertInvalid(extra, "tx", "unknown member 'signature'");
    ObjectNode missing = sample();
    missing.remove("feePayer");
    assertInvalid(missing, "tx.feePayer", "missing");
    ObjectNode wrongType = sample();
    wrongType.put("chainId", "31337");
    assertInvalid(wrongType, "tx.chainId", "expected an integer, got a string");
  }

  @Test
  void aTxOverTheConfiguredSizeIsRefused() {
    ObjectNode big = sample();
    big.put("proof", "0x" + "ab".repeat(2049));
    RpcException error = assertThrows(RpcException.class, () -> TxJson.decoder(2048).decode(big, "tx"));
    assertEquals(ErrorCode.INVALID_PARAMS, error.code());
    assertEquals("tx.proof", error.data().orElseThrow().field());
    RpcException total = assertThrows(RpcException.class, () -> TxJson.decoder(1024).decode(sampleWithProof(900), "tx"));
    assertEquals("tx", total.data().orElseThrow().field());
    assertTrue(total.data().orElseThrow().reason().contains("obsidian.limits.max-tx-bytes"), total.getMessage());
  }

  private static ObjectNode sampleWithProof(int proofBytes) {
    ObjectNode tx = sample();
    tx.put("proof", "0x" + "00".repeat(proofBytes));
    return tx;
  }

  private static void assertInvalid(JsonNode tx, String field, String reasonPart) {
    RpcException error = assertThrows(RpcException.class, () -> DECODER.decode(tx, "tx"));
    assertEquals(ErrorCode.INVALID_PARAMS, error.code());
    assertEquals(field, error.data().orElseThrow().field(), error.getMessage());
    assertTrue(error.data().orElseThrow().reason().contains(reasonPart), error.getMessage());
  }

  private static ObjectNode sample() {
    try (WorldStateFork genesis = WorldStateFork.inMemoryGenesis()) {
      return TxJson.encode(new RandomTxs(9, 31337, 1).next(Constants.GENESIS_BLOCK_HEADER_HASH, genesis));
    }
  }
}
