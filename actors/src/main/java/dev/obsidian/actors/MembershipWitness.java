package dev.obsidian.actors;

import dev.obsidian.merkle.SiblingPath;

/** A leaf's index in an append-only tree and its sibling path (Aztec MembershipWitness). */
public record MembershipWitness(long leafIndex, SiblingPath siblingPath) {}
