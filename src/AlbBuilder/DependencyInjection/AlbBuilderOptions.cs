using AlbBuilder.Building;

namespace AlbBuilder;

/// <summary>
/// Defaults for the labs handed out by <see cref="IAlbLabFactory"/>, bound from configuration or set in code and
/// validated when the host starts. Each lab's builder can still override them.
/// </summary>
public sealed class AlbBuilderOptions
{
    /// <summary>The configuration section conventionally used for these options.</summary>
    public const string SectionName = "AlbBuilder";

    /// <summary>The region of the AWS clients that <c>AddAlbBuilder</c> registers (ignored when you register your own clients).</summary>
    /// <value>The default is null: <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>, then the profile's region (never instance metadata).</value>
    public string? Region { get; set; }

    /// <summary>How many instances each lab runs.</summary>
    /// <value>The default is 2.</value>
    public int InstanceCount { get; set; } = LabDefaults.InstanceCount;

    /// <summary>The instances' EC2 instance type.</summary>
    /// <value>The default is <c>t3.micro</c>.</value>
    public string InstanceType { get; set; } = LabDefaults.InstanceType;

    /// <summary>The instances' machine image: an AMI id or <c>resolve:ssm:&lt;parameter&gt;</c>.</summary>
    /// <value>The default is the Amazon Linux 2023 public SSM parameter.</value>
    public string ImageId { get; set; } = LabDefaults.ImageId;

    /// <summary>How long instances may take to reach <c>running</c>.</summary>
    /// <value>The default is 10 minutes.</value>
    public TimeSpan InstancesRunningTimeout { get; set; } = LabTimeouts.Default.InstancesRunning;

    /// <summary>How long the load balancer may take to become <c>active</c>.</summary>
    /// <value>The default is 20 minutes.</value>
    public TimeSpan LoadBalancerActiveTimeout { get; set; } = LabTimeouts.Default.LoadBalancerActive;

    /// <summary>How long the targets may take to become <c>healthy</c>.</summary>
    /// <value>The default is 15 minutes.</value>
    public TimeSpan TargetsHealthyTimeout { get; set; } = LabTimeouts.Default.TargetsHealthy;

    /// <summary>How long a teardown may take.</summary>
    /// <value>The default is 20 minutes.</value>
    public TimeSpan TeardownTimeout { get; set; } = LabTimeouts.Default.Teardown;

    /// <summary>When set, every lab's resources carry an expiry tag this long after the start.</summary>
    /// <value>The default is null: no expiry tag.</value>
    public TimeSpan? TimeToLive { get; set; }

    /// <summary>Whether disposing a lab, or a failed start, deletes what it created.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool CleanUp { get; set; } = true;
}
