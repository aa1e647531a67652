using AlbBuilder.LocalCloud;
using AlbBuilder.Reliability.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AlbBuilder.Reliability.Tests.Validation;

/// <summary>
/// Every bad input is rejected by <c>Build()</c> with one <see cref="AlbLabValidationException"/> that names the field,
/// the value and the fix, before any AWS call (LocalCloud's call counter stays at 0).
/// </summary>
public sealed class BadInputTests(ITestOutputHelper output)
{
    private const string UserDataMarker = "SECRET-USERDATA-MARKER-7f3a";
    private const string BadLab = "bad-input";

    private static readonly HealthCheckSettings _healthCheck = HealthCheckSettings.LabDefault;

    /// <summary>(what, lab name, change, field the problem must name).</summary>
    private static readonly (string Case, string Name, Func<AlbLabBuilder, AlbLabBuilder> Change, string Field)[] _cases =
    [
        ("name of 29 characters", new string('a', 29), b => b, "Create(name)"),
        ("name with an underscore", "my_lab", b => b, "Create(name)"),
        ("name with a space", "my lab", b => b, "Create(name)"),
        ("name with a non-ASCII letter", "läb", b => b, "Create(name)"),
        ("name starting with internal-", "internal-lab", b => b, "Create(name)"),
        ("name starting with a hyphen", "-lab", b => b, "Create(name)"),
        ("name ending with a hyphen", "lab-", b => b, "Create(name)"),
        ("empty name", string.Empty, b => b, "Create(name)"),
        ("name starting with sg-", "sg-lab", b => b, "Create(name)"),
        ("listener port 0", BadLab, b => b.ListenOn(0), "ListenOn"),
        ("listener port 65536", BadLab, b => b.ListenOn(65536), "ListenOn"),
        ("target port 0", BadLab, b => b.WithTargetPort(0), "WithTargetPort"),
        ("target port 65536", BadLab, b => b.WithTargetPort(65536), "WithTargetPort"),
        ("0 instances", BadLab, b => b.WithInstances(0), "WithInstances"),
        ("negative instances", BadLab, b => b.WithInstances(-3), "WithInstances"),
        ("instances above the cap", BadLab, b => b.WithInstances(AlbLab.MaxInstances + 1), "WithInstances"),
        ("user data over 16 KB", BadLab, b => b.WithUserData(UserDataMarker + new string('x', 16 * 1024)), "WithUserData"),
        ("blank user data", BadLab, b => b.WithUserData("   "), "WithUserData"),
        ("health-check interval 4 s", BadLab, b => b.WithHealthCheck(_healthCheck with { Interval = TimeSpan.FromSeconds(4), Timeout = TimeSpan.FromSeconds(2) }), "WithHealthCheck.Interval"),
        ("health-check interval 301 s", BadLab, b => b.WithHealthCheck(_healthCheck with { Interval = TimeSpan.FromSeconds(301) }), "WithHealthCheck.Interval"),
        ("health-check interval 5.5 s", BadLab, b => b.WithHealthCheck(_healthCheck with { Interval = TimeSpan.FromSeconds(5.5) }), "WithHealthCheck.Interval"),
        ("health-check timeout 1 s", BadLab, b => b.WithHealthCheck(_healthCheck with { Timeout = TimeSpan.FromSeconds(1) }), "WithHealthCheck.Timeout"),
        ("health-check timeout 121 s", BadLab, b => b.WithHealthCheck(_healthCheck with { Interval = TimeSpan.FromSeconds(300), Timeout = TimeSpan.FromSeconds(121) }), "WithHealthCheck.Timeout"),
        ("timeout equal to the interval", BadLab, b => b.WithHealthCheck(_healthCheck with { Interval = TimeSpan.FromSeconds(5), Timeout = TimeSpan.FromSeconds(5) }), "WithHealthCheck.Timeout"),
        ("timeout above the interval", BadLab, b => b.WithHealthCheck(_healthCheck with { Interval = TimeSpan.FromSeconds(10), Timeout = TimeSpan.FromSeconds(20) }), "WithHealthCheck.Timeout"),
        ("healthy threshold 1", BadLab, b => b.WithHealthCheck(_healthCheck with { HealthyThreshold = 1 }), "WithHealthCheck.HealthyThreshold"),
        ("unhealthy threshold 11", BadLab, b => b.WithHealthCheck(_healthCheck with { UnhealthyThreshold = 11 }), "WithHealthCheck.UnhealthyThreshold"),
        ("matcher 500", BadLab, b => b.WithHealthCheck(_healthCheck with { Matcher = "500" }), "WithHealthCheck.Matcher"),
        ("matcher not a code", BadLab, b => b.WithHealthCheck(_healthCheck with { Matcher = "ok" }), "WithHealthCheck.Matcher"),
        ("empty matcher", BadLab, b => b.WithHealthCheck(_healthCheck with { Matcher = string.Empty }), "WithHealthCheck.Matcher"),
        ("path without a slash", BadLab, b => b.WithHealthCheck(_healthCheck with { Path = "health" }), "WithHealthCheck.Path"),
        ("empty path", BadLab, b => b.WithHealthCheck(_healthCheck with { Path = string.Empty }), "WithHealthCheck.Path"),
        ("deregistration delay 3601 s", BadLab, b => b.WithDeregistrationDelay(TimeSpan.FromSeconds(3601)), "WithDeregistrationDelay"),
        ("one subnet (one AZ)", BadLab, b => b.InSubnets("subnet-0123456789abcdef0"), "InSubnets"),
        ("the same subnet twice", BadLab, b => b.InSubnets("subnet-0123456789abcdef0", "subnet-0123456789abcdef0"), "InSubnets"),
        ("malformed subnet id", BadLab, b => b.InSubnets("subnet-0123456789abcdef0", "subnet-xyz"), "InSubnets"),
        ("malformed VPC id", BadLab, b => b.InVpc("vpc-12"), "InVpc"),
        ("empty VPC id", BadLab, b => b.InVpc(string.Empty), "InVpc"),
        ("duplicate tag keys", BadLab, b => b.WithTag("team", "a").WithTag("team", "b"), "WithTags['team']"),
        ("empty tag key", BadLab, b => b.WithTag(string.Empty, "v"), "WithTags['']"),
        ("tag key starting with aws:", BadLab, b => b.WithTag("aws:owner", "me"), "WithTags['aws:owner']"),
        ("tag key with the ownership prefix", BadLab, b => b.WithTag("albbuilder:lab", "other"), "WithTags['albbuilder:lab']"),
        ("tag key Name", BadLab, b => b.WithTag("Name", "mine"), "WithTags['Name']"),
        ("tag value with a bad character", BadLab, b => b.WithTag("team", "a<b"), "WithTags['team']"),
        ("tag value of 257 characters", BadLab, b => b.WithTag("team", new string('v', 257)), "WithTags['team']"),
        ("empty instance type", BadLab, b => b.WithInstanceType(string.Empty), "WithInstanceType"),
        ("instance type in upper case", BadLab, b => b.WithInstanceType("T3.Micro"), "WithInstanceType"),
        ("empty image", BadLab, b => b.WithImage(string.Empty), "WithImage"),
        ("malformed AMI id", BadLab, b => b.WithImage("ami-123"), "WithImage"),
        ("CIDR with an octet above 255", BadLab, b => b.WithDirectInstanceAccess("300.1.1.1/32"), "WithDirectInstanceAccess"),
        ("zero teardown timeout", BadLab, b => b.WithTimeouts(t => t with { Teardown = TimeSpan.Zero }), "WithTimeouts.Teardown"),
        ("negative time to live", BadLab, b => b.WithTimeToLive(TimeSpan.FromMinutes(-1)), "WithTimeToLive"),
        ("polling every millisecond", BadLab, b => b.WithPolling(TimeSpan.FromMilliseconds(1)), "WithPolling"),
    ];

    [Fact]
    public async Task EveryBadInput_OneValidationError_NamingFieldValueAndFix_BeforeAnyAwsCall()
    {
        await using var rig = await CloudRig.StartAsync();
        var failures = new List<string>();
        foreach (var (what, name, change, field) in _cases)
        {
            AlbLabValidationException? error = null;
            try
            {
                change(AlbLab.Create(name).WithUserData("#!/bin/bash\necho " + UserDataMarker).WithLocalCloud(rig.Cloud).WithAwsClients(rig.Ec2, rig.Elb)).Build();
            }
            catch (AlbLabValidationException ex)
            {
                error = ex;
            }

            var problem = error?.Problems.FirstOrDefault(p => p.Field == field);
            var why = error is null ? "Build() accepted it"
                : problem is null ? $"no problem names {field}: {error.Message}"
                : string.IsNullOrWhiteSpace(problem.Value) || problem.Fix.Length < 10 ? $"value or fix missing: {problem}"
                : !error.Message.Contains(problem.ToString(), StringComparison.Ordinal) ? "the message does not list the problem"
                : error.Message.Contains(UserDataMarker, StringComparison.Ordinal) ? "the message shows the user data"
                : rig.Cloud.Calls.Total != 0 ? $"{rig.Cloud.Calls.Total} AWS call(s) were made"
                : null;
            output.WriteLine($"{(why is null ? "PASS" : "FAIL")} {what}: {(why ?? problem!.ToString())}");
            if (why is not null)
            {
                failures.Add($"{what}: {why}");
            }
        }

        output.WriteLine($"BAD INPUT: {_cases.Length} cases, {_cases.Length - failures.Count} rejected before any AWS call (AWS calls made: {rig.Cloud.Calls.Total})");
        Assert.True(_cases.Length >= 30);
        Assert.Empty(failures);
        Assert.Equal(0, rig.Cloud.Calls.Total);
    }

    [Fact]
    public async Task ManyBadInputsAtOnce_OneErrorListsEveryProblem()
    {
        await using var rig = await CloudRig.StartAsync();
        var builder = AlbLab.Create("internal-")
            .WithLocalCloud(rig.Cloud)
            .ListenOn(0)
            .WithTargetPort(65536)
            .WithInstances(0)
            .WithHealthCheck(_healthCheck with { Interval = TimeSpan.FromSeconds(5), Timeout = TimeSpan.FromSeconds(5), HealthyThreshold = 11 })
            .InSubnets("subnet-0123456789abcdef0")
            .WithTag("team", "a")
            .WithTag("team", "b");

        var error = Assert.Throws<AlbLabValidationException>(() => { builder.Build(); });

        string[] fields = ["Create(name)", "ListenOn", "WithTargetPort", "WithInstances", "WithHealthCheck.Timeout", "WithHealthCheck.HealthyThreshold", "InSubnets", "WithTags['team']"];
        Assert.All(fields, f => Assert.Contains(error.Problems, p => p.Field == f));
        Assert.Contains($"{error.Problems.Count} problem(s)", error.Message, StringComparison.Ordinal);
        Assert.All(error.Problems, p => Assert.Contains(p.ToString(), error.Message, StringComparison.Ordinal));
        Assert.Equal(0, rig.Cloud.Calls.Total);
    }
}
