package io.autotable.cli;

public final class Main
{
    private Main() {}

    public static void main(String[] args)
    {
        System.exit(AutotableCommand.commandLine().execute(args));
    }
}
