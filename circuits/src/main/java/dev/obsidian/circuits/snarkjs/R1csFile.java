package dev.obsidian.circuits.snarkjs;

import dev.obsidian.circuits.r1cs.Constraint;
import dev.obsidian.circuits.r1cs.LinearCombination;
import dev.obsidian.circuits.r1cs.R1cs;
import dev.obsidian.circuits.r1cs.Term;
import dev.obsidian.crypto.field.Fr;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * snarkjs/circom's {@code .r1cs} format (iden3 "r1cs" v1): section 1 header (field size, prime, nWires, nPubOut,
 * nPubIn, nPrvIn, nLabels u64, nConstraints), section 2 constraints (for A, B, C: u32 term count, then per term u32
 * wire and a 32-byte little-endian coefficient), section 3 wire-to-label map (u64 per wire).
 */
public final class R1csFile {
  private static final int HEADER = 1;
  private static final int CONSTRAINTS = 2;
  private static final int WIRE_TO_LABEL = 3;

  private R1csFile() {}

  public static R1cs read(Path path) throws IOException {
    BinFile file = BinFile.read(path, "r1cs");
    if (file.version != 1) {
      throw new IOException(path + ": r1cs version " + file.version + " is not supported (expected 1)");
    }
    ByteBuffer header = file.section(HEADER);
    int fieldSize = header.getInt();
    FieldBytes.checkPrime(header, fieldSize, path.toString());
    int numWires = header.getInt();
    int numPublicOutputs = header.getInt();
    int numPublicInputs = header.getInt();
    header.getInt(); // private inputs: informational
    header.getLong(); // labels: informational
    int numConstraints = header.getInt();
    ByteBuffer body = file.section(CONSTRAINTS);
    List<Constraint> constraints = new ArrayList<>(numConstraints);
    for (int i = 0; i < numConstraints; i++) {
      String where = path + ": constraint " + i;
      constraints.add(new Constraint(readCombination(body, where + " A", numWires),
          readCombination(body, where + " B", numWires), readCombination(body, where + " C", numWires)));
    }
    return new R1cs(numPublicOutputs + numPublicInputs, numWires, constraints);
  }

  /** Terms sorted by wire with repeats summed and zeros dropped, which is what {@link LinearCombination} keeps. */
  private static LinearCombination readCombination(ByteBuffer body, String where, int numWires) throws IOException {
    int count = body.getInt();
    TreeMap<Integer, Fr> terms = new TreeMap<>();
    for (int k = 0; k < count; k++) {
      int wire = body.getInt();
      if (wire < 0 || wire >= numWires) {
        throw new IOException(where + ": term " + k + " uses wire " + wire + " of " + numWires);
      }
      terms.merge(wire, FieldBytes.read(body, where + " term " + k), Fr::add);
    }
    List<Term> list = new ArrayList<>();
    terms.forEach((wire, coefficient) -> {
      if (!coefficient.isZero()) {
        list.add(new Term(wire, coefficient));
      }
    });
    return new LinearCombination(list);
  }

  /** Writes all public wires as public inputs (nPubOut = 0) and labels wire i as i. */
  public static void write(R1cs r1cs, Path path) throws IOException {
    long constraintBytes = 0;
    for (Constraint c : r1cs.constraints()) {
      for (LinearCombination lc : List.of(c.a(), c.b(), c.c())) {
        constraintBytes += 4 + 36L * lc.terms().size();
      }
    }
    try (FileChannel out = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      out.write(BinFile.header("r1cs", 1, 3));
      int headerBytes = 4 + 32 + 4 * 4 + 8 + 4;
      out.write(BinFile.sectionHeader(HEADER, headerBytes));
      ByteBuffer header = ByteBuffer.allocate(headerBytes).order(ByteOrder.LITTLE_ENDIAN);
      header.putInt(32);
      FieldBytes.writePrime(header);
      header.putInt(r1cs.numWires()).putInt(0).putInt(r1cs.numPublic())
          .putInt(r1cs.numWires() - r1cs.numPublic() - 1).putLong(r1cs.numWires()).putInt(r1cs.constraints().size());
      out.write(header.flip());
      out.write(BinFile.sectionHeader(CONSTRAINTS, constraintBytes));
      ByteBuffer chunk = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
      for (Constraint c : r1cs.constraints()) {
        for (LinearCombination lc : List.of(c.a(), c.b(), c.c())) {
          if (chunk.remaining() < 4 + 36L * lc.terms().size()) {
            out.write(chunk.flip());
            chunk = ByteBuffer.allocate((int) Math.max(1 << 20, 4 + 36L * lc.terms().size()))
                .order(ByteOrder.LITTLE_ENDIAN);
          }
          chunk.putInt(lc.terms().size());
          for (Term term : lc.terms()) {
            chunk.putInt(term.wire());
            FieldBytes.write(chunk, term.coefficient());
          }
        }
      }
      out.write(chunk.flip());
      out.write(BinFile.sectionHeader(WIRE_TO_LABEL, 8L * r1cs.numWires()));
      ByteBuffer labels = ByteBuffer.allocate(8 * r1cs.numWires()).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < r1cs.numWires(); i++) {
        labels.putLong(i);
      }
      out.write(labels.flip());
    }
  }
}
