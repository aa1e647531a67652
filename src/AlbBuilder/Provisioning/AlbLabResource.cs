using AlbBuilder.Building;

namespace AlbBuilder.Provisioning;

/// <summary>The lab resource behind <see cref="IAlbLab"/>: provisioning, health, adoption and teardown.</summary>
/// <remarks>Placeholder for the contract between building and provisioning; the provisioning work replaces the bodies.</remarks>
internal sealed class AlbLabResource : IAlbLab
{
    private readonly AlbLabDefinition _definition;
    private readonly LabServices _services;

    public AlbLabResource(AlbLabDefinition definition, LabServices services)
    {
        _definition = definition;
        _services = services;
    }

    public string Name => _definition.Name;

    public LabState State { get; private set; } = LabState.NotStarted;

    public LabResources Resources { get; private set; } = LabResources.None;

    public Uri? Url => null;

    internal LabServices Services => _services;

    public Task StartAsync(IProgress<LabEvent>? progress = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<bool> AttachAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<LabStatus> GetStatusAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<LabStatus> WaitForHealthyAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task DestroyAsync(IProgress<LabEvent>? progress = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<TrafficReport> VerifyTrafficAsync(TrafficOptions? options = null, CancellationToken cancellationToken = default) =>
        LabTraffic.VerifyAsync(this, _services, options, cancellationToken);

    public Task<DrillReport> RunFailoverDrillAsync(DrillOptions? options = null, IProgress<DrillEvent>? progress = null, CancellationToken cancellationToken = default) =>
        LabTraffic.RunDrillAsync(this, _services, _definition, options, progress, cancellationToken);

    public ValueTask DisposeAsync()
    {
        _services.DisposeOwnedClients();
        return ValueTask.CompletedTask;
    }
}
