package dev.obsidian.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The error-handling pattern every command inherits from {@link ObsidianCli#newCommandLine()}. */
class CliErrorHandlingTest {

  @Test
  void aMistypedOptionIsNamedWithTheCloseMatch() {
    CliRun run = CliRun.run(Map.of(), "config", "print", "--orign");
    assertEquals(ObsidianCli.EXIT_USAGE, run.exitCode());
    assertEquals("", run.out());
    assertTrue(run.err().startsWith("obsidian config print: Unknown option: '--orign'\n"), run.err());
    assertTrue(run.err().contains("--origin"), run.err());
    assertTrue(run.err().endsWith("Try 'obsidian config print --help' for more information.\n"), run.err());
  }

  @Test
  void anOptionWithoutItsValueIsNamed() {
    CliRun run = CliRun.run(Map.of(), "config", "print", "--file");
    assertEquals(ObsidianCli.EXIT_USAGE, run.exitCode());
    assertTrue(run.err().contains("'--file'"), run.err());
  }

  @Test
  void aGroupWithoutSubcommandIsAUsageError() {
    CliRun run = CliRun.run(Map.of(), "config");
    assertEquals(ObsidianCli.EXIT_USAGE, run.exitCode());
    assertTrue(run.err().startsWith("obsidian config: Missing required subcommand"), run.err());
  }

  @Test
  void aMistypedSubcommandSuggestsTheRealOne() {
    CliRun run = CliRun.run(Map.of(), "config", "chek", "x.conf");
    assertEquals(ObsidianCli.EXIT_USAGE, run.exitCode());
    assertTrue(run.err().contains("'chek'"), run.err());
    assertTrue(run.err().contains("check"), run.err());
  }

  @Test
  void userInputProblemsShowTheMessageOnlyAndExit2() {
    CliRun run = CliRun.run(withFailingCommand(new UserInputException("block 7: no such block")), "fail");
    assertEquals(new CliRun(ObsidianCli.EXIT_USAGE, "", "obsidian fail: block 7: no such block\n"), run);
  }

  @Test
  void bugsShowAStackTraceAndExit1() {
    CliRun run = CliRun.run(withFailingCommand(new IllegalStateException("oops")), "fail");
    assertEquals(ObsidianCli.EXIT_INTERNAL_ERROR, run.exitCode());
    assertTrue(run.err().startsWith(
        "obsidian fail: internal error: java.lang.IllegalStateException: oops\n"), run.err());
    assertTrue(run.err().contains("\tat "), run.err());
  }

  @Test
  void helpAndVersionStillExit0() {
    assertEquals(0, CliRun.run(Map.of(), "config", "check", "--help").exitCode());
    CliRun version = CliRun.run(Map.of(), "--version");
    assertEquals(0, version.exitCode());
    assertTrue(version.out().startsWith("obsidian "), version.out());
  }

  private static CommandLine withFailingCommand(RuntimeException failure) {
    CommandLine commandLine = ObsidianCli.newCommandLine(Map.of());
    commandLine.addSubcommand(new CommandLine(new FailingCommand(failure)));
    return commandLine;
  }

  @Command(name = "fail")
  static final class FailingCommand implements Runnable {
    private final RuntimeException failure;

    FailingCommand(RuntimeException failure) {
      this.failure = failure;
    }

    @Override
    public void run() {
      throw failure;
    }
  }
}
