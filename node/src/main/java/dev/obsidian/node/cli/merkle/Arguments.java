package dev.obsidian.node.cli.merkle;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.node.cli.UserInputException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Argument parsers of the merkle commands. Picocli reports a conversion failure as "Invalid value for ... (LABEL):
 * reason", naming the argument, and the command exits with the usage code 2.
 */
final class Arguments {
  private Arguments() {}

  /**
   * Parses a list of field elements given as positional arguments. Done here rather than by a picocli converter, which
   * would report a bad value after the first one only as "unmatched", without the reason.
   */
  static List<Fr> fields(String label, List<String> texts) {
    List<Fr> values = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      try {
        values.add(Fr.parse(texts.get(i)));
      } catch (IllegalArgumentException e) {
        throw new UserInputException(
            label + " #" + (i + 1) + " '" + texts.get(i) + "' is not a field element: " + e.getMessage(), e);
      }
    }
    return values;
  }

  /** A tree height 0..64 (0 is a single leaf). */
  static final class HeightConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String text) {
      int height;
      try {
        height = Integer.parseInt(text);
      } catch (NumberFormatException e) {
        throw new TypeConversionException("'" + text + "' is not a whole number");
      }
      if (height < 0 || height > 64) {
        throw new TypeConversionException("height " + height + " is outside 0..64");
      }
      return height;
    }
  }
}
