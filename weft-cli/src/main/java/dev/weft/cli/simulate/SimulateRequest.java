package dev.weft.cli.simulate;

import dev.weft.model.PolicyName;
import dev.weft.sim.workload.WorkloadFormat;
import java.nio.file.Path;

/** The options of one {@code simulate} call as given; null where the user gave none. */
record SimulateRequest(Path workload, WorkloadFormat format, String cluster, PolicyName policy, Path queues,
                       BackfillChoice backfill, BackfillOrder order, PreemptionChoice preemption,
                       PreemptionModeChoice mode) {}
