using System.Collections.Immutable;
using Amazon;
using Amazon.EC2.Model;
using Microsoft.Extensions.Logging;

namespace AlbBuilder.Building;

/// <summary>
/// Everything the builder was told, unvalidated. Null means "not set" (the default applies at build time), so a
/// builder can hold a partial configuration and each <c>With…</c> call contributes only what it changes.
/// </summary>
internal sealed record AlbLabConfiguration
{
    public static AlbLabConfiguration Empty { get; } = new();

    public string? Name { get; init; }

    public int? InstanceCount { get; init; }

    public string? InstanceType { get; init; }

    public string? ImageId { get; init; }

    public string? UserData { get; init; }

    public int? ListenerPort { get; init; }

    public int? TargetPort { get; init; }

    public HealthCheckSettings? HealthCheck { get; init; }

    public TimeSpan? DeregistrationDelay { get; init; }

    public string? VpcId { get; init; }

    public ImmutableArray<string>? SubnetIds { get; init; }

    /// <summary>Every tag given, in order, duplicates included (validation reports them rather than hiding one).</summary>
    public ImmutableList<KeyValuePair<string, string>> Tags { get; init; } = [];

    /// <summary>
    /// Tags set by AlbBuilder's own packages (a classroom's <c>albbuilder:class</c> and <c>albbuilder:learner</c>): added to
    /// every resource like user tags, but exempt from the rule that keeps users off the <c>albbuilder:</c> prefix.
    /// </summary>
    public ImmutableList<KeyValuePair<string, string>> ReservedTags { get; init; } = [];

    public LabTimeouts? Timeouts { get; init; }

    public bool? CleanUp { get; init; }

    public TimeSpan? TimeToLive { get; init; }

    public TimeSpan? PollInterval { get; init; }

    public string? DirectInstanceAccessCidr { get; init; }

    public ImmutableList<Action<RunInstancesRequest>> RunInstancesCustomizations { get; init; } = [];

    public LabClients? Clients { get; init; }

    public RegionEndpoint? Region { get; init; }

    public TimeProvider? TimeProvider { get; init; }

    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>The handler the lab's own HTTP traffic (verification, drills) goes through; not owned by the lab.</summary>
    public HttpMessageHandler? TrafficHandler { get; init; }

    /// <summary>
    /// The one place that decides how a later setting combines with an earlier one: tags and RunInstances
    /// customizations append; everything else is replaced by the later value when it is set.
    /// </summary>
    public static AlbLabConfiguration Merge(AlbLabConfiguration current, AlbLabConfiguration change) => new()
    {
        Name = change.Name ?? current.Name,
        InstanceCount = change.InstanceCount ?? current.InstanceCount,
        InstanceType = change.InstanceType ?? current.InstanceType,
        ImageId = change.ImageId ?? current.ImageId,
        UserData = change.UserData ?? current.UserData,
        ListenerPort = change.ListenerPort ?? current.ListenerPort,
        TargetPort = change.TargetPort ?? current.TargetPort,
        HealthCheck = change.HealthCheck ?? current.HealthCheck,
        DeregistrationDelay = change.DeregistrationDelay ?? current.DeregistrationDelay,
        VpcId = change.VpcId ?? current.VpcId,
        SubnetIds = change.SubnetIds ?? current.SubnetIds,
        Tags = current.Tags.AddRange(change.Tags),
        ReservedTags = current.ReservedTags.AddRange(change.ReservedTags),
        Timeouts = change.Timeouts ?? current.Timeouts,
        CleanUp = change.CleanUp ?? current.CleanUp,
        TimeToLive = change.TimeToLive ?? current.TimeToLive,
        PollInterval = change.PollInterval ?? current.PollInterval,
        DirectInstanceAccessCidr = change.DirectInstanceAccessCidr ?? current.DirectInstanceAccessCidr,
        RunInstancesCustomizations = current.RunInstancesCustomizations.AddRange(change.RunInstancesCustomizations),
        Clients = change.Clients ?? current.Clients,
        Region = change.Region ?? current.Region,
        TimeProvider = change.TimeProvider ?? current.TimeProvider,
        LoggerFactory = change.LoggerFactory ?? current.LoggerFactory,
        TrafficHandler = change.TrafficHandler ?? current.TrafficHandler,
    };
}
