using System.Collections.Concurrent;
using AlbBuilder.LocalCloud.DataPlane;

namespace AlbBuilder.LocalCloud.Tests.DataPlane;

/// <summary>Plays the control plane's part: where each target is right now.</summary>
internal sealed class TargetRegistry
{
    private readonly ConcurrentDictionary<TargetKey, TargetEndpoint> _endpoints = new();

    public void Set(TargetKey key, TargetEndpoint endpoint) => _endpoints[key] = endpoint;

    public TargetEndpoint Resolve(TargetKey key) =>
        _endpoints.TryGetValue(key, out var endpoint) ? endpoint : TargetEndpoint.NotRunning("terminated");
}
