namespace AlbBuilder.Sample.Commands;

/// <summary>The lab the command works on.</summary>
/// <param name="Name">The lab's name (its resources are <c>&lt;name&gt;-alb</c>, <c>&lt;name&gt;-1</c>…).</param>
/// <param name="Instances">How many instances.</param>
/// <param name="TimeToLive">The expiry tag set on the lab's resources, for <c>sweep</c>.</param>
internal sealed record LabSettings(string Name, int Instances, TimeSpan TimeToLive)
{
    /// <summary>The instance type of the sample's labs (the library's default, named here for the cost estimate).</summary>
    public const string InstanceType = "t3.micro";
}
