namespace AlbBuilder.LocalCloud.DataPlane;

/// <summary>
/// A target group's health check, with durations already scaled by the control plane's latency profile.
/// </summary>
/// <param name="Path">The request path, for example <c>/</c>.</param>
/// <param name="Interval">Time between checks of one target.</param>
/// <param name="Timeout">Time without a response that fails a check; must be shorter than <paramref name="Interval"/>.</param>
/// <param name="HealthyThreshold">Consecutive passes that bring an unhealthy target back (2–10 on AWS).</param>
/// <param name="UnhealthyThreshold">Consecutive failures that make a target unhealthy (2–10 on AWS).</param>
/// <param name="Matcher">The accepted codes: <c>200</c>, <c>200,202</c>, <c>200-299</c>.</param>
/// <param name="Protocol">The check protocol; LocalCloud instances serve plain HTTP, so only <c>HTTP</c> is supported.</param>
internal sealed record TargetHealthCheckSettings(
    string Path,
    TimeSpan Interval,
    TimeSpan Timeout,
    int HealthyThreshold,
    int UnhealthyThreshold,
    string Matcher,
    string Protocol = "HTTP")
{
    /// <summary>Gets the AWS defaults for instance targets: <c>/</c>, 30 s, 5 s, 5, 2, <c>200</c>.</summary>
    public static TargetHealthCheckSettings AwsDefaults { get; } =
        new("/", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5), 5, 2, "200");

    /// <summary>Validates the settings and parses the matcher.</summary>
    /// <returns>The parsed matcher.</returns>
    /// <exception cref="ArgumentException">One or more settings are invalid; the message lists every problem.</exception>
    public HealthCheckMatcher Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrEmpty(Path) || Path[0] != '/')
        {
            problems.Add($"Path '{Path}' must start with '/'.");
        }

        if (Interval <= TimeSpan.Zero)
        {
            problems.Add($"Interval {Interval} must be positive.");
        }

        if (Timeout <= TimeSpan.Zero)
        {
            problems.Add($"Timeout {Timeout} must be positive.");
        }

        if (HealthyThreshold < 1)
        {
            problems.Add($"HealthyThreshold {HealthyThreshold} must be at least 1.");
        }

        if (UnhealthyThreshold < 1)
        {
            problems.Add($"UnhealthyThreshold {UnhealthyThreshold} must be at least 1.");
        }

        if (!string.Equals(Protocol, "HTTP", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"Protocol '{Protocol}' is not supported by LocalCloud's data plane (HTTP only).");
        }

        HealthCheckMatcher.TryParse(Matcher, out var matcher, out var matcherError);
        if (matcherError is not null)
        {
            problems.Add(matcherError);
        }

        if (problems.Count > 0 || matcher is null)
        {
            throw new ArgumentException("Invalid health check settings: " + string.Join(" ", problems));
        }

        return matcher;
    }
}
