package io.autotable.cli;

import io.autotable.advisor.Recommendation;
import io.autotable.catalog.Identifiers;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.repository.Exclusion;
import io.autotable.repository.JournalEntry;
import io.autotable.repository.WorkloadRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code autotable exclude TABLE [--kind K]}: the advisor, {@code apply} and the daemon leave a
 * table (or one kind of change to it) alone until {@code exclude --remove} takes it back.
 */
@Command(name = "exclude", mixinStandardHelpOptions = true,
        description = {"Opt a table out of automatic changes: every kind, or one kind with --kind.",
                "Without TABLE, lists the exclusions. The advisor then lists the excluded changes as declined."})
final class ExcludeCommand
        implements Callable<Integer>
{
    @Mixin
    WorkspaceOptions workspaceOptions;

    @Parameters(arity = "0..1", paramLabel = "TABLE", description = "The table to leave alone.")
    Optional<String> table;

    @Option(names = "--kind", paramLabel = "KIND", description = "Only this kind of change: distribution, sortkey or encoding (default: all kinds).")
    Optional<String> kind;

    @Option(names = "--remove", description = "Take the exclusion back (of --kind, or every exclusion of the table).")
    boolean remove;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        Optional<String> kindLabel = kind.map(ExcludeCommand::kindLabel);
        try (WorkloadRepository repository = WorkloadRepository.openExisting(workspaceOptions.workspace())) {
            if (table.isEmpty()) {
                if (kind.isPresent() || remove) {
                    throw new CaptureException(ErrorCode.INVALID_ARGUMENT, "--kind and --remove need a TABLE: 'autotable exclude orders --kind sortkey'");
                }
                printExclusions(out, repository.exclusions());
                return 0;
            }
            String name = Identifiers.normalize(table.get(), "table");
            if (repository.catalog().findTable(name).isEmpty() && repository.catalogEntry(name).isEmpty()) {
                throw new CaptureException(ErrorCode.INVALID_ARGUMENT, "no table '%s' in the catalog of workspace %s: 'autotable catalog' lists the tables"
                        .formatted(name, workspaceOptions.workspace().directory()));
            }
            String what = name + kindLabel.map(label -> " (" + label + ")").orElse(" (every kind)");
            if (remove) {
                int removed = repository.include(name, kindLabel);
                if (removed == 0) {
                    throw new CaptureException(ErrorCode.INVALID_ARGUMENT, "%s is not excluded: 'autotable exclude' lists the exclusions".formatted(what));
                }
                repository.appendJournal(JournalEntry.of("include", Optional.of(name), "{\"kind\":\"%s\"}".formatted(kindLabel.orElse("*"))));
                out.printf(Locale.ROOT, "%s may be changed again by apply and the daemon.%n", what);
            }
            else {
                repository.exclude(new Exclusion(name, kindLabel, Instant.now()));
                repository.appendJournal(JournalEntry.of("exclude", Optional.of(name), "{\"kind\":\"%s\"}".formatted(kindLabel.orElse("*"))));
                out.printf(Locale.ROOT, "Excluded %s: the advisor keeps its current setting, and apply and the daemon never change it. Undo with 'autotable exclude %s%s --remove'.%n",
                        what, name, kindLabel.map(label -> " --kind " + label).orElse(""));
            }
            out.flush();
        }
        return 0;
    }

    static void printExclusions(PrintWriter out, List<Exclusion> exclusions)
    {
        if (exclusions.isEmpty()) {
            out.println("No exclusions: every table may be changed.");
        }
        for (Exclusion exclusion : exclusions) {
            out.printf(Locale.ROOT, "%-30s %-14s since %s%n", exclusion.table(), exclusion.kind().orElse("every kind"), exclusion.at());
        }
        out.flush();
    }

    private static String kindLabel(String text)
    {
        String normalized = text.strip().toLowerCase(Locale.ROOT);
        // the --only names of advise are plural
        String singular = switch (normalized) {
            case "sortkeys" -> "sortkey";
            case "encodings" -> "encoding";
            default -> normalized;
        };
        return Arrays.stream(Recommendation.Kind.values())
                .map(Recommendation.Kind::label)
                .filter(singular::equals)
                .findFirst()
                .orElseThrow(() -> new CaptureException(ErrorCode.INVALID_ARGUMENT, "--kind '%s': expected distribution, sortkey or encoding".formatted(text)));
    }
}
