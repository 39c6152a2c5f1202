package io.autotable.cli;

import io.autotable.advisor.encoding.RedshiftDefaultEncodings;
import io.autotable.catalog.Catalog;
import io.autotable.catalog.Table;
import io.autotable.ddl.DdlImport;
import io.autotable.ddl.jsqlparser.JSqlParserDdlParser;
import io.autotable.design.PhysicalDesign;
import io.autotable.design.TableDesign;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.json.Json;
import io.autotable.repository.WorkloadRepository;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Where a design to simulate comes from: {@code current} (the workspace's), {@code initial} (EVEN,
 * no sort key, RAW everywhere), {@code recommended} (the advisor's), or a FILE:
 * Redshift DDL, or the JSON of a {@link PhysicalDesign} ({@code {"tables": {...}}}).
 */
final class DesignSource
{
    /** A resolved design and the name reports call it by. */
    record Named(String name, PhysicalDesign design)
    {
        Named
        {
            requireNonNull(name, "name is null");
            requireNonNull(design, "design is null");
        }
    }

    /** Gives the advisor's recommended design ({@link RecommendedDesign}); tests may plug in their own. */
    @FunctionalInterface
    interface Recommendations
    {
        PhysicalDesign recommended(WorkloadRepository repository);
    }

    private DesignSource() {}

    static Named resolve(String spec, WorkloadRepository repository, Recommendations recommendations)
    {
        return resolve(spec, repository, recommendations, false);
    }

    /**
     * @param defaultEncodings give the columns of a DDL file's tables that declare no ENCODE the
     *        encodings Redshift would ({@link RedshiftDefaultEncodings})
     */
    static Named resolve(String spec, WorkloadRepository repository, Recommendations recommendations, boolean defaultEncodings)
    {
        requireNonNull(spec, "spec is null");
        Catalog catalog = repository.catalog();
        return switch (spec) {
            case "current" -> new Named("current", complete(repository.design(), catalog));
            case "initial" -> new Named("initial", PhysicalDesign.initial(catalog));
            case "recommended" -> new Named("recommended", complete(recommendations.recommended(repository), catalog));
            default -> {
                Path file = Path.of(spec);
                PhysicalDesign design = complete(readFile(file, catalog), catalog);
                if (defaultEncodings && !isJson(file)) {
                    Map<String, TableDesign> tables = new TreeMap<>();
                    design.tables().forEach((name, table) -> tables.put(name, RedshiftDefaultEncodings.apply(table, catalog.findTable(name).orElseThrow())));
                    design = new PhysicalDesign(tables);
                }
                yield new Named(file.getFileName().toString(), design);
            }
        };
    }

    private static boolean isJson(Path file)
    {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).stripLeading().startsWith("{");
        }
        catch (IOException e) {
            return false;
        }
    }

    // tables a design does not list keep the initial design; every listed column must exist
    private static PhysicalDesign complete(PhysicalDesign design, Catalog catalog)
    {
        Map<String, TableDesign> tables = new TreeMap<>();
        for (Table table : catalog.tables()) {
            TableDesign tableDesign = design.table(table.name());
            tableDesign.checkAgainst(table);
            tables.put(table.name(), tableDesign);
        }
        return new PhysicalDesign(tables);
    }

    static PhysicalDesign readFile(Path file, Catalog catalog)
    {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (NoSuchFileException e) {
            throw new CaptureException(ErrorCode.FILE_NOT_FOUND, "design file %s does not exist: give 'current', 'initial', 'recommended' or a DDL or JSON file".formatted(file), e);
        }
        catch (IOException e) {
            throw new CaptureException(ErrorCode.FILE_NOT_READABLE, "cannot read design file %s: %s".formatted(file, e.getMessage()), e);
        }
        if (text.stripLeading().startsWith("{")) {
            return Json.read(text, PhysicalDesign.class, file.toString());
        }
        DdlImport ddl = new JSqlParserDdlParser().parse(text, file.toString());
        Map<String, TableDesign> tables = new TreeMap<>();
        ddl.design().tables().forEach((name, tableDesign) -> {
            if (catalog.findTable(name).isPresent()) {
                tables.put(name, tableDesign);
            }
        });
        return new PhysicalDesign(tables);
    }
}
