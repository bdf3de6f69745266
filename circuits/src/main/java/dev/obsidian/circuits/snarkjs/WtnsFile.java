package dev.obsidian.circuits.snarkjs;

import dev.obsidian.crypto.field.Fr;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * snarkjs's {@code .wtns} witness format (iden3 "wtns" v2): section 1 (u32 field size, prime, u32 count), section 2
 * (count 32-byte little-endian values, wire 0 first).
 */
public final class WtnsFile {
  private WtnsFile() {}

  public static Fr[] read(Path path) throws IOException {
    BinFile file = BinFile.read(path, "wtns");
    if (file.version != 2) {
      throw new IOException(path + ": wtns version " + file.version + " is not supported (expected 2)");
    }
    ByteBuffer header = file.section(1);
    int fieldSize = header.getInt();
    FieldBytes.checkPrime(header, fieldSize, path.toString());
    int count = header.getInt();
    ByteBuffer values = file.section(2);
    if (values.remaining() != 32L * count) {
      throw new IOException(path + ": witness section has " + values.remaining() + " bytes for " + count + " values");
    }
    Fr[] witness = new Fr[count];
    for (int i = 0; i < count; i++) {
      witness[i] = FieldBytes.read(values, path + ": witness value " + i);
    }
    return witness;
  }

  public static void write(Fr[] witness, Path path) throws IOException {
    try (FileChannel out = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      out.write(BinFile.header("wtns", 2, 2));
      out.write(BinFile.sectionHeader(1, 4 + 32 + 4));
      ByteBuffer header = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
      header.putInt(32);
      FieldBytes.writePrime(header);
      header.putInt(witness.length);
      out.write(header.flip());
      out.write(BinFile.sectionHeader(2, 32L * witness.length));
      ByteBuffer values = ByteBuffer.allocate(32 * witness.length).order(ByteOrder.LITTLE_ENDIAN);
      for (Fr value : witness) {
        FieldBytes.write(values, value);
      }
      out.write(values.flip());
    }
  }
}
