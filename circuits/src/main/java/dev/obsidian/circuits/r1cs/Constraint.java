package dev.obsidian.circuits.r1cs;

/** One rank-1 constraint {@code <a, w> · <b, w> = <c, w>}. */
public record Constraint(LinearCombination a, LinearCombination b, LinearCombination c) {}
