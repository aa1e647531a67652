namespace AlbBuilder;

/// <summary>The target group's health check. Defaults are lab-fast (AWS's own defaults are 30 s and 5/2).</summary>
/// <param name="Path">The ping path. <value>The default is <c>/</c>.</value></param>
/// <param name="Interval">Time between checks, 5–300 s. <value>The default is 5 seconds.</value></param>
/// <param name="Timeout">Time to wait for a response, 2–120 s and less than the interval. <value>The default is 4 seconds.</value></param>
/// <param name="HealthyThreshold">Consecutive passes to become healthy, 2–10. <value>The default is 2.</value></param>
/// <param name="UnhealthyThreshold">Consecutive failures to become unhealthy, 2–10. <value>The default is 2.</value></param>
/// <param name="Matcher">HTTP codes that pass: <c>200</c>, <c>200,202</c> or <c>200-299</c>, within 200–499. <value>The default is <c>200</c>.</value></param>
public sealed record HealthCheckSettings(
    string Path,
    TimeSpan Interval,
    TimeSpan Timeout,
    int HealthyThreshold,
    int UnhealthyThreshold,
    string Matcher)
{
    /// <summary>The lab-fast defaults: <c>/</c>, every 5 s, 4 s timeout, thresholds 2/2, matcher 200.</summary>
    public static HealthCheckSettings LabDefault { get; } =
        new("/", TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(4), 2, 2, "200");
}
