package io.orderhub.engine.processing;

/**
 * How much one command may ask of the single processing thread. Beyond these a command is rejected
 * (and leaves no trace), or its work goes on in later batches so other instances move.
 *
 * @param maxDeploymentBytes resources of one deployment together (Zeebe rejects deployments over
 *     its maximum message size, 4 MB by default, likewise)
 * @param maxBatchBytes one journal entry: the events of one command, encoded
 * @param stepsPerBatch element steps (activate, complete) one batch runs before the rest of the
 *     work continues in a later batch, behind the commands already waiting
 */
public record EngineLimits(int maxDeploymentBytes, int maxBatchBytes, int stepsPerBatch) {

  public static final EngineLimits DEFAULTS =
      new EngineLimits(4 * 1024 * 1024, 32 * 1024 * 1024, 1_000);
}
