package io.autotable.cli;

import io.autotable.advisor.wlm.WlmAdvisor;
import io.autotable.advisor.wlm.learned.RuntimeModel;
import io.autotable.advisor.wlm.learned.RuntimeModelCard;
import io.autotable.analysis.WorkloadAnalysis;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.json.Json;
import io.autotable.repository.Workspace;
import io.autotable.repository.WorkloadRepository;
import io.autotable.simulator.wlm.LoggedRun;
import io.autotable.workload.EventStatus;
import io.autotable.workload.QueryEvent;
import io.autotable.workload.QueryGroup;
import io.autotable.workload.QueryShape;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The workspace's logged runs with their runtimes, and its runtime model, for runtime prediction and WLM advice. */
final class WorkspaceRuns
{
    private WorkspaceRuns() {}

    /** Where {@code train runtimes} writes the model by default: {@code models/} in the workspace. */
    static Path modelDirectory(Workspace workspace)
    {
        return workspace.directory().resolve("models");
    }

    /** The succeeded runs with a logged runtime, in arrival order; generated logs of the {@code zipf} mix have none. */
    static List<LoggedRun> read(WorkloadRepository repository, WorkloadAnalysis analysis)
    {
        Map<String, QueryShape> shapes = new HashMap<>();
        for (QueryGroup group : analysis.workload().groups()) {
            group.shape().ifPresent(shape -> shapes.put(group.fingerprint(), shape));
        }
        record Keyed(QueryEvent event, LoggedRun run) {}
        List<Keyed> keyed = new ArrayList<>();
        repository.forEachEvent(event -> {
            if (event.status() == EventStatus.SUCCEEDED && event.durationMicros() > 0) {
                keyed.add(new Keyed(event, new LoggedRun(event.start(), event.fingerprint(), event.user(), event.durationMicros() / 1e6,
                        Optional.ofNullable(shapes.get(event.fingerprint())), Optional.empty())));
            }
        });
        keyed.sort(Comparator.comparing((Keyed k) -> k.event().start()).thenComparing(k -> k.event().source()).thenComparing(k -> k.event().id()));
        return keyed.stream().map(Keyed::run).toList();
    }

    /** The runtime model {@code train runtimes} saved in the workspace, if any. */
    static Optional<WlmAdvisor.Saved> savedModel(Workspace workspace)
    {
        Path directory = modelDirectory(workspace);
        Path model = directory.resolve(RuntimeModel.FILE);
        Path card = directory.resolve(RuntimeModel.CARD_FILE);
        if (!Files.exists(model) || !Files.exists(card)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new WlmAdvisor.Saved(RuntimeModel.read(model), Json.read(Files.readString(card), RuntimeModelCard.class, card.toString())));
        }
        catch (IOException e) {
            throw new CaptureException(ErrorCode.FILE_NOT_READABLE, "cannot read the runtime model's card %s: %s".formatted(card, e.getMessage()), e);
        }
    }
}
