package io.orderhub.engine.api;

import java.time.Duration;
import java.util.List;

/**
 * @param timeout how long the activated jobs stay locked to the worker
 * @param fetchVariables variable names to return; empty returns all visible variables
 * @param requestTimeout long-polling time; zero or negative answers at once
 */
public record ActivateJobsCommand(
    String type,
    String worker,
    Duration timeout,
    int maxJobs,
    List<String> fetchVariables,
    List<String> tenantIds,
    Duration requestTimeout) {}
