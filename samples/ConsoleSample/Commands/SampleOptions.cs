using System.CommandLine;
using AlbBuilder.Sample.Cloud;

namespace AlbBuilder.Sample.Commands;

/// <summary>The options every command accepts (recursive, so they go before or after the command name).</summary>
internal sealed class SampleOptions
{
    public Option<bool> Aws { get; } = new("--aws")
    {
        Description = "Run against real AWS (costs money; asks first). Without it everything runs on LocalCloud in this process.",
        Recursive = true,
    };

    public Option<string?> Region { get; } = new("--region")
    {
        Description = "AWS region for --aws (default: the SDK's, e.g. AWS_REGION or the profile's).",
        Recursive = true,
    };

    public Option<string?> Profile { get; } = new("--profile")
    {
        Description = "AWS profile for --aws (default: the SDK's credential chain).",
        Recursive = true,
    };

    public Option<bool> Yes { get; } = new("--yes", "-y")
    {
        Description = "Don't ask before creating or deleting on AWS. Required when stdin is not a terminal.",
        Recursive = true,
    };

    public Option<string> Name { get; } = new("--name", "-n")
    {
        Description = "The lab's name.",
        DefaultValueFactory = _ => "demo",
        Recursive = true,
    };

    public Option<int> Instances { get; } = new("--instances")
    {
        Description = "How many instances behind the load balancer (2+ for the drill).",
        DefaultValueFactory = _ => 2,
        Recursive = true,
    };

    public Option<double> TtlHours { get; } = new("--ttl-hours")
    {
        Description = "Tag the lab to expire after this many hours; `sweep` deletes expired labs.",
        DefaultValueFactory = _ => 4,
        Recursive = true,
    };

    public Option<double> Speed { get; } = new("--speed")
    {
        Description = "How many times faster than AWS LocalCloud runs (a load balancer that takes 2 minutes on AWS takes 120/speed seconds).",
        DefaultValueFactory = _ => 50,
        Recursive = true,
    };

    public Option<string?> Endpoint { get; } = new("--endpoint")
    {
        Description = "A running LocalCloud server (`dotnet run --project src/AlbBuilder.LocalCloud.Server`), e.g. http://127.0.0.1:4580. " +
            "Default: AWS_ENDPOINT_URL when set. Labs then outlive the command: up, status, verify, drill, down are separate runs.",
        Recursive = true,
    };

    /// <summary>LocalCloud without emulated latency: for the sample's own tests.</summary>
    public Option<bool> Instant { get; } = new("--instant")
    {
        Hidden = true,
        Recursive = true,
    };

    public SampleOptions()
    {
        Instances.Require(n => n is >= 1 and <= AlbLab.MaxInstances, $"--instances must be 1–{AlbLab.MaxInstances}.");
        Speed.Require(s => s is >= 1 and <= 1000, "--speed must be 1–1000.");
        TtlHours.Require(h => h is > 0 and <= 24 * 30, "--ttl-hours must be more than 0 and at most 720.");
        Endpoint.Require(u => u is null || AsHttpUrl(u) is not null, "--endpoint must be an http URL, e.g. http://127.0.0.1:4580.");
    }

    public IEnumerable<Option> All => [Aws, Region, Profile, Yes, Name, Instances, TtlHours, Speed, Endpoint, Instant];

    public CloudSettings ReadCloud(ParseResult result) => new(
        result.GetValue(Aws),
        result.GetValue(Region),
        result.GetValue(Profile),
        result.GetValue(Yes),
        result.GetValue(Speed),
        result.GetValue(Instant),
        ReadEndpoint(result));

    /// <summary>--endpoint, else AWS_ENDPOINT_URL (ignored with --aws, which means the real AWS endpoints).</summary>
    private Uri? ReadEndpoint(ParseResult result)
    {
        if (result.GetValue(Endpoint) is { } endpoint)
        {
            return AsHttpUrl(endpoint);
        }

        return result.GetValue(Aws) ? null : AsHttpUrl(Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL"));
    }

    private static Uri? AsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttp ? url : null;

    public LabSettings ReadLab(ParseResult result) => new(
        result.GetValue(Name) ?? "demo",
        result.GetValue(Instances),
        TimeSpan.FromHours(result.GetValue(TtlHours)));
}
