package dev.obsidian.circuits.snarkjs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The iden3 binary container shared by snarkjs's .r1cs and .wtns files: 4-byte magic, u32 version, u32 section
 * count, then sections of (u32 type, u64 byte length, body), all little-endian; sections may come in any order.
 */
final class BinFile {
  final int version;
  private final Map<Integer, ByteBuffer> sections;
  private final String name;

  private BinFile(String name, int version, Map<Integer, ByteBuffer> sections) {
    this.name = name;
    this.version = version;
    this.sections = sections;
  }

  static BinFile read(Path path, String magic) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.LITTLE_ENDIAN);
    String name = path.toString();
    if (buffer.remaining() < 12) {
      throw new IOException(name + ": too short for a " + magic + " file");
    }
    byte[] found = new byte[4];
    buffer.get(found);
    if (!new String(found, StandardCharsets.ISO_8859_1).equals(magic)) {
      throw new IOException(name + ": magic is not \"" + magic + "\"");
    }
    int version = buffer.getInt();
    int count = buffer.getInt();
    Map<Integer, ByteBuffer> sections = new HashMap<>();
    for (int i = 0; i < count; i++) {
      int type = buffer.getInt();
      long length = buffer.getLong();
      if (length < 0 || length > buffer.remaining()) {
        throw new IOException(name + ": section " + i + " (type " + type + ") claims " + length + " bytes, "
            + buffer.remaining() + " remain");
      }
      ByteBuffer body = buffer.slice(buffer.position(), (int) length).order(ByteOrder.LITTLE_ENDIAN);
      sections.putIfAbsent(type, body);
      buffer.position(buffer.position() + (int) length);
    }
    return new BinFile(name, version, sections);
  }

  ByteBuffer section(int type) throws IOException {
    ByteBuffer body = sections.get(type);
    if (body == null) {
      throw new IOException(name + ": missing section of type " + type);
    }
    return body.duplicate().order(ByteOrder.LITTLE_ENDIAN);
  }

  static ByteBuffer header(String magic, int version, int sectionCount) {
    ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    b.put(magic.getBytes(StandardCharsets.ISO_8859_1)).putInt(version).putInt(sectionCount);
    return b.flip();
  }

  static ByteBuffer sectionHeader(int type, long length) {
    ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(type).putLong(length);
    return b.flip();
  }
}
