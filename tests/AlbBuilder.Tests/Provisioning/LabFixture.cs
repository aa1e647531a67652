using AlbBuilder.Building;
using AlbBuilder.Provisioning;
using AlbBuilder.Tests.Scenarios;

namespace AlbBuilder.Tests.Provisioning;

/// <summary>Builds definitions and lab resources wired to a <see cref="FakeAws"/> and an <see cref="AutoAdvancingTime"/>.</summary>
internal static class LabFixture
{
    public const string LabName = "demo";

    public static AlbLabDefinition Definition(int instances = 2, bool cleanUp = true) => new()
    {
        Name = LabName,
        InstanceCount = instances,
        InstanceType = "t3.micro",
        ImageId = "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
        UserData = "#!/bin/bash\necho héllo > /var/www/html/index.html\n",
        ListenerPort = 80,
        TargetPort = 8080,
        HealthCheck = new HealthCheckSettings("/health", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(3), 3, 4, "200-299"),
        DeregistrationDelay = TimeSpan.FromSeconds(15),
        Timeouts = LabTimeouts.Default,
        Tags = new Dictionary<string, string> { ["team"] = "platform" },
        CleanUp = cleanUp,
    };

    public static AlbLabResource Lab(FakeAws aws, AlbLabDefinition? definition = null, TimeProvider? time = null) =>
        new(definition ?? Definition(), new LabServices(() => aws.Ec2, () => aws.Elb, ownsClients: false, time ?? new AutoAdvancingTime()));

    /// <summary>Every member as text, lists included (record equality compares lists by reference).</summary>
    public static string Describe(LabResources r) => string.Join(
        " | ",
        r.LabId,
        r.VpcId,
        string.Join(",", r.SubnetIds),
        r.LoadBalancerSecurityGroupId,
        r.InstanceSecurityGroupId,
        string.Join(",", r.InstanceIds),
        r.TargetGroupArn,
        r.LoadBalancerArn,
        r.LoadBalancerDnsName,
        r.ListenerArn);

    public static (string, string)[] Owned(string role, string? labId = "abc123abc123") =>
    [
        (LabTags.Lab, LabName),
        (LabTags.LabId, labId!),
        (LabTags.CreatedBy, LabTags.CreatedByValue),
        (LabTags.Role, role),
    ];
}
