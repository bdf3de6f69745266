package dev.obsidian.actors;

import dev.obsidian.actors.block.L2Block;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The whole chain as a list (block n at index n − 1) for {@link WorldState#catchUp}: blocks up to the read model's
 * last projected block are read from it on demand (catch-up touches only the store's last block and those after
 * it), the later ones are the journal's.
 */
final class ChainBlocks extends AbstractList<L2Block> implements RandomAccess {
  private final ChainReadModel readModel;
  private final long projected;
  private final List<L2Block> journaled;

  private ChainBlocks(ChainReadModel readModel, long projected, List<L2Block> journaled) {
    this.readModel = readModel;
    this.projected = projected;
    this.journaled = journaled;
  }

  /** @param journaled the blocks after {@code projected}, in order without gaps */
  static List<L2Block> of(ChainReadModel readModel, long projected, List<L2Block> journaled) {
    for (int i = 0; i < journaled.size(); i++) {
      if (journaled.get(i).number() != projected + 1 + i) {
        throw new IllegalStateException("the journal's blocks after the read model's block " + projected
            + " do not follow it: found block " + journaled.get(i).number() + " where " + (projected + 1 + i) + " belongs");
      }
    }
    return new ChainBlocks(readModel, projected, List.copyOf(journaled));
  }

  @Override
  public L2Block get(int index) {
    long number = index + 1L;
    if (number <= projected) {
      return readModel.block(number).orElseThrow(() ->
          new IllegalStateException("the read model lacks block " + number + " below its progress " + projected));
    }
    return journaled.get((int) (number - projected - 1));
  }

  @Override
  public int size() {
    return (int) (projected + journaled.size());
  }
}
