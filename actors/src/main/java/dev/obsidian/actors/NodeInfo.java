package dev.obsidian.actors;

import java.util.List;

/**
 * Static facts about this node (Aztec NodeInfo: nodeVersion, l1ChainId, rollupVersion, ...).
 *
 * @param notes honest statements about what the node does not do yet (e.g. proofs not verified)
 */
public record NodeInfo(String nodeVersion, long l1ChainId, long rollupVersion, String protocolVersion, List<String> notes) {}
