namespace AlbBuilder.LocalCloud.DataPlane;

/// <summary>Performs one health check against a target; <see cref="TargetHealthChecker"/> decides when and what it means.</summary>
internal interface ITargetHealthProbe
{
    /// <summary>Checks the target once, within the request's timeout.</summary>
    /// <param name="request">The target, where it is, and the check's settings.</param>
    /// <param name="cancellationToken">Cancelled when the target is deregistered or the checker disposed.</param>
    /// <returns>Pass, or the failure with its ALB reason code.</returns>
    Task<HealthProbeResult> ProbeAsync(HealthProbeRequest request, CancellationToken cancellationToken);
}

/// <summary>One health check to perform.</summary>
/// <param name="Target">The target.</param>
/// <param name="Endpoint">Where it is now (reachable or blocked; a not-running target is never probed).</param>
/// <param name="Settings">The check's path and timeout.</param>
/// <param name="Matcher">The accepted status codes.</param>
internal sealed record HealthProbeRequest(TargetKey Target, TargetEndpoint Endpoint, TargetHealthCheckSettings Settings, HealthCheckMatcher Matcher);
