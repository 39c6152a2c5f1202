package io.autotable.advisor;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import io.autotable.design.TableDesign;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * One change the advisor recommends: a table's distribution, sort key or column encodings, with
 * what the simulator's what-if says it saves on the workload, why, how sure it is, and its DDL.
 *
 * @param id {@code R1}, {@code R2}, ... in the order the changes were applied in the what-if
 * @param table the table it changes
 * @param kind what it changes
 * @param from the table's current setting, in words ({@code EVEN}, {@code KEY(l_orderkey)}, {@code none}, ...)
 * @param to the recommended setting, in words
 * @param benefitPercent the simulated workload time it saves, in percent of the baseline's total
 *        (changes are applied one after another, so the benefits add up to the total saving)
 * @param benefit the same saving in seconds, bytes scanned, bytes moved and bytes stored
 * @param evidence the statements whose simulated cost changes most, heaviest first
 * @param regressions statements among the workload's heaviest that this change makes slower
 * @param confidence how much of the workload supports it, and whether both halves of the log agree
 * @param group changes with the same group must be applied together (colocated distribution keys)
 * @param ddl statements per dialect ({@code redshift}, {@code embedded}) that apply the change
 * @param reason one or two sentences saying why
 * @param before the table's whole design before this change
 * @param after the table's whole design after it
 */
public record Recommendation(
        String id,
        String table,
        Kind kind,
        String from,
        String to,
        double benefitPercent,
        Benefit benefit,
        List<Evidence> evidence,
        List<Regression> regressions,
        Confidence confidence,
        String group,
        Map<String, List<String>> ddl,
        String reason,
        @JsonIgnore TableDesign before,
        @JsonIgnore TableDesign after)
{
    public Recommendation
    {
        requireNonNull(id, "id is null");
        requireNonNull(table, "table is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(benefit, "benefit is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
        regressions = List.copyOf(requireNonNull(regressions, "regressions is null"));
        requireNonNull(confidence, "confidence is null");
        requireNonNull(group, "group is null");
        Map<String, List<String>> statements = new TreeMap<>();
        requireNonNull(ddl, "ddl is null").forEach((dialect, list) -> statements.put(dialect, List.copyOf(list)));
        ddl = Collections.unmodifiableMap(statements);
        requireNonNull(reason, "reason is null");
        requireNonNull(before, "before is null");
        requireNonNull(after, "after is null");
    }

    public enum Kind
    {
        DISTRIBUTION, SORTKEY, ENCODING;

        @JsonValue
        public String label()
        {
            return name().toLowerCase(Locale.ROOT);
        }

    }

    /**
     * What a change saves on the whole workload (positive is a saving).
     *
     * @param seconds simulated seconds, all runs
     * @param bytesScanned bytes scanned, all runs
     * @param bytesMoved bytes moved between slices, all runs
     * @param storageBytes bytes stored (encoded, every copy of an ALL table)
     */
    public record Benefit(double seconds, double bytesScanned, double bytesMoved, double storageBytes) {}

    /**
     * A statement whose simulated cost the change alters.
     *
     * @param fingerprint the statement's fingerprint
     * @param runs its runs in the workload
     * @param weight its share of the baseline's simulated workload time
     * @param secondsBefore simulated seconds per run before the change
     * @param secondsAfter simulated seconds per run after it
     * @param sql the statement's text, cut to 160 characters
     */
    public record Evidence(String fingerprint, double runs, double weight, double secondsBefore, double secondsAfter, String sql)
    {
        public Evidence
        {
            requireNonNull(fingerprint, "fingerprint is null");
            requireNonNull(sql, "sql is null");
        }
    }

    /**
     * One of the workload's heaviest statements that the change makes slower.
     *
     * @param percent how much slower per run, in percent
     */
    public record Regression(String fingerprint, double runs, double secondsBefore, double secondsAfter, double percent)
    {
        public Regression
        {
            requireNonNull(fingerprint, "fingerprint is null");
        }
    }

    /**
     * How sure the advisor is.
     *
     * @param level {@code high}: the statements it helps take at least 10% of the workload's time
     *        and both halves of the log (by arrival) see at least half the saving of the other;
     *        {@code medium}: both halves see a saving; {@code low}: otherwise
     * @param support the share of the baseline's simulated time taken by the statements the change alters
     * @param firstHalfSeconds the saving on the first half of the log's runs
     * @param secondHalfSeconds the saving on the second half
     */
    public record Confidence(String level, double support, double firstHalfSeconds, double secondHalfSeconds)
    {
        public Confidence
        {
            requireNonNull(level, "level is null");
        }
    }
}
