package dev.obsidian.circuits.gadgets;

import dev.obsidian.circuits.builder.Value;

/** A tree's root and leaf count (next free index) in a circuit: Aztec's AppendOnlyTreeSnapshot. */
public record TreeSnapshot(Value root, Value size) {}
