package dev.obsidian.node.cli.crypto;

import dev.obsidian.node.cli.CliRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.crypto.testing.Vector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code obsidian crypto --batch}: one result line per command line, errors reported in place. */
class BatchTest {

  private static final Vector HASHES = Vector.load("protocol-hashes");

  @Test
  void everyLineGetsItsResultInOrder() {
    StringBuilder input = new StringBuilder();
    List<String> expected = new ArrayList<>();
    for (Vector c : HASHES.objects("siloNoteHash")) {
      input.append("silo-note-hash ").append(c.string("contract")).append(' ').append(c.string("noteHash")).append('\n');
      expected.add(c.string("output"));
    }
    for (Vector c : HASHES.objects("computeSecretHash")) {
      input.append("crypto secret-hash ").append(c.string("secret")).append('\n');
      expected.add(c.string("output"));
    }
    CliRun run = CliRun.withInput(input.toString(), "crypto", "--batch");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(expected, run.lines());
  }

  @Test
  void badLinesReportAnErrorAndTheBatchContinues() {
    Vector c = HASHES.objects("computeSecretHash").get(0);
    String input = String.join("\n",
        "# comment and blank lines produce nothing",
        "",
        "secret-hash 0xzz",
        "no-such-command 1",
        "poseidon2-permutation 0 1 2",
        "--batch",
        "secret-hash " + c.string("secret"));
    CliRun run = CliRun.withInput(input, "crypto", "--batch");
    assertEquals(2, run.exitCode());
    List<String> lines = run.lines();
    assertEquals(5, lines.size(), run.out());
    assertTrue(lines.get(0).startsWith("error: line 3: ") && lines.get(0).contains("SECRET"), lines.get(0));
    assertTrue(lines.get(1).startsWith("error: line 4: ") && lines.get(1).contains("no-such-command"), lines.get(1));
    assertTrue(lines.get(2).startsWith("error: line 5: ") && lines.get(2).contains("'D'"), lines.get(2));
    assertTrue(lines.get(3).startsWith("error: line 6: "), lines.get(3));
    assertEquals(c.string("output"), lines.get(4));
  }

  @Test
  void multiValueResultsShareOneLine() {
    Vector p = Vector.load("poseidon2").objects("permutation").get(0);
    String input = "poseidon2-permutation " + String.join(" ", toStrings(p.frs("input"))) + "\n"
        + "grumpkin-mul 1 --json\n";
    CliRun run = CliRun.withInput(input, "crypto", "--batch");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(String.join(" ", toStrings(p.frs("output"))), run.lines().get(0));
    assertTrue(run.lines().get(1).startsWith("{\"point\":{\"x\":"), run.lines().get(1));
  }

  private static List<String> toStrings(dev.obsidian.crypto.field.Fr[] values) {
    return java.util.Arrays.stream(values).map(dev.obsidian.crypto.field.Fr::toHex).toList();
  }
}
