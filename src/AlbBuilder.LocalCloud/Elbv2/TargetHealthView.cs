namespace AlbBuilder.LocalCloud.Elbv2;

/// <summary>A target's health as DescribeTargetHealth reports it.</summary>
internal sealed record TargetHealthView(string State, string? Reason, string? Description)
{
    public static TargetHealthView Healthy { get; } = new("healthy", null, null);

    public static TargetHealthView InitialChecking { get; } =
        new("initial", "Elb.InitialHealthChecking", "Initial health checks in progress");

    public static TargetHealthView RegistrationInProgress { get; } =
        new("initial", "Elb.RegistrationInProgress", "Target registration is in progress");

    public static TargetHealthView NotRegistered { get; } =
        new("unused", "Target.NotRegistered", "Target is not registered to the target group");

    public static TargetHealthView NotInUse { get; } =
        new("unused", "Target.NotInUse", "Target group is not configured to receive traffic from the load balancer");

    public static TargetHealthView Draining { get; } =
        new("draining", "Target.DeregistrationInProgress", "Target deregistration is in progress");

    public static TargetHealthView InvalidState(string instanceState) =>
        new("unused", "Target.InvalidState", $"Target is in the {instanceState} state");
}
