namespace AlbBuilder.LocalCloud.DataPlane;

/// <summary>The outcome of one health check request.</summary>
/// <param name="Passed">Whether the check passed.</param>
/// <param name="Reason">The failure reason code; <see langword="null"/> when passed.</param>
/// <param name="Description">The failure description; <see langword="null"/> when passed.</param>
internal readonly record struct HealthProbeResult(bool Passed, string? Reason, string? Description)
{
    /// <summary>Gets a passing result.</summary>
    public static HealthProbeResult Pass { get; } = new(true, null, null);

    /// <summary>Gets a result for a check that got no response within the timeout.</summary>
    public static HealthProbeResult TimedOut { get; } =
        new(false, TargetHealthReasons.Timeout, TargetHealthReasons.TimeoutDescription);

    /// <summary>
    /// Gets a result for a connection error (refused, reset) or malformed response: AWS's API reference
    /// assigns these to <c>Target.FailedHealthChecks</c>, keeping <c>Target.Timeout</c> for silence.
    /// </summary>
    public static HealthProbeResult ConnectionFailed { get; } =
        new(false, TargetHealthReasons.FailedHealthChecks, TargetHealthReasons.FailedHealthChecksDescription);

    /// <summary>A result for a status the matcher does not accept.</summary>
    /// <param name="statusCode">The status received.</param>
    /// <returns>The failing result.</returns>
    public static HealthProbeResult Mismatch(int statusCode) =>
        new(false, TargetHealthReasons.ResponseCodeMismatch, TargetHealthReasons.ResponseCodeMismatchDescription(statusCode));
}
