package io.autotable.cli;

import io.autotable.AutotableVersion;
import io.autotable.error.AutotableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The {@code autotable} command: declares the subcommands and maps every failure to an exit code
 * in one place — 0 success, 1 a user error (one line saying what and where), 2 an internal error.
 */
@Command(
        name = "autotable",
        mixinStandardHelpOptions = true,
        versionProvider = AutotableCommand.Version.class,
        description = "Autonomic table-optimization advisor for MPP SQL warehouses: distribution keys, sort keys and encodings from the workload.",
        subcommands = {
                DemoCommand.class,
                InitCommand.class,
                CatalogCommand.class,
                ImportCommand.class,
                LoadCommand.class,
                AnalyzeCommand.class,
                AdviseCommand.class,
                ApplyCommand.class,
                RollbackCommand.class,
                ExcludeCommand.class,
                DaemonCommand.class,
                StatusCommand.class,
                WorkloadCommand.class,
                ReplayCommand.class,
                BenchCommand.class,
                TrainCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class AutotableCommand
        implements Runnable
{
    public static final int EXIT_USER_ERROR = 1;
    public static final int EXIT_INTERNAL_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The configured command line; tests run it with their own writers. */
    public static CommandLine commandLine()
    {
        CommandLine commandLine = new CommandLine(new AutotableCommand());
        commandLine.setExecutionExceptionHandler(AutotableCommand::handleExecutionException);
        commandLine.setParameterExceptionHandler(AutotableCommand::handleParameterException);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    @Override
    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int handleExecutionException(Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult)
    {
        PrintWriter err = commandLine.getErr();
        if (exception instanceof StoppedException) {
            return StoppedException.EXIT_CODE;
        }
        if (exception instanceof AutotableException autotable && autotable.errorCode().isUserError()) {
            err.println("autotable: " + autotable.getMessage());
            err.flush();
            return EXIT_USER_ERROR;
        }
        String code = exception instanceof AutotableException autotable ? autotable.errorCode().name() : exception.getClass().getSimpleName();
        err.println("autotable: internal error (" + code + "): " + exception.getMessage());
        if (System.getenv("AUTOTABLE_DEBUG") != null) {
            exception.printStackTrace(err);
        }
        else {
            err.println("autotable: set AUTOTABLE_DEBUG=1 to see the stack trace, and please report it");
        }
        err.flush();
        return EXIT_INTERNAL_ERROR;
    }

    private static int handleParameterException(CommandLine.ParameterException exception, String[] args)
    {
        CommandLine commandLine = exception.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("autotable: " + exception.getMessage() + " (see '" + commandLine.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return EXIT_USER_ERROR;
    }

    static final class Version
            implements CommandLine.IVersionProvider
    {
        @Override
        public String[] getVersion()
        {
            return new String[] {"autotable " + AutotableVersion.get()};
        }
    }
}
