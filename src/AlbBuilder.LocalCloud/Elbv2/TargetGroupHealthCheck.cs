namespace AlbBuilder.LocalCloud.Elbv2;

internal sealed record TargetGroupHealthCheck(
    string Protocol,
    string Port,
    bool Enabled,
    string Path,
    int IntervalSeconds,
    int TimeoutSeconds,
    int HealthyThresholdCount,
    int UnhealthyThresholdCount,
    string Matcher);
