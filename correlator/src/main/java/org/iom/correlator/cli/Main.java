package org.iom.correlator.cli;

import java.time.InstantSource;
import org.iom.ingest.pipeline.RecordType;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar correlator.jar <command>}: the service and the batch tools. */
@Command(
    name = "correlator",
    mixinStandardHelpOptions = true,
    version = "correlator 0.1.0",
    description = "IOM electronic-monitoring correlation service and tools.",
    subcommands = {
      ServeCommand.class,
      DemoCommand.class,
      ImportCommand.class,
      FixturesCommand.class,
      CorrelateCommand.class,
      PurgeCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, for tests. */
  public static CommandLine commandLine() {
    RecordFiles files = new RecordFiles(System.err, InstantSource.system());
    CommandLine cli = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    cli.addSubcommand(new ReportCommand(
        path -> files.read(RecordType.MEMBERSHIPS, path), path -> files.read(RecordType.OFFENCES, path)));
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
