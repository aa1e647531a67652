namespace AlbBuilder.Provisioning;

/// <summary>
/// The identifiers of a lab's resources as they are created or found; written by the parallel branches of a start,
/// hence the lock. <see cref="Snapshot"/> gives the public <see cref="LabResources"/>.
/// </summary>
internal sealed class LabInventory
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<int, string> _instances = [];
    private string? _labId;
    private string? _vpcId;
    private IReadOnlyList<string> _subnetIds = [];
    private string? _loadBalancerSecurityGroupId;
    private string? _instanceSecurityGroupId;
    private string? _targetGroupArn;
    private string? _loadBalancerArn;
    private string? _loadBalancerDnsName;
    private string? _listenerArn;

    public string? LabId { get => Read(() => _labId); set => Write(() => _labId = value); }

    public string? VpcId { get => Read(() => _vpcId); set => Write(() => _vpcId = value); }

    public IReadOnlyList<string> SubnetIds { get => Read(() => _subnetIds); set => Write(() => _subnetIds = value); }

    public string? LoadBalancerSecurityGroupId { get => Read(() => _loadBalancerSecurityGroupId); set => Write(() => _loadBalancerSecurityGroupId = value); }

    public string? InstanceSecurityGroupId { get => Read(() => _instanceSecurityGroupId); set => Write(() => _instanceSecurityGroupId = value); }

    public string? TargetGroupArn { get => Read(() => _targetGroupArn); set => Write(() => _targetGroupArn = value); }

    public string? LoadBalancerArn { get => Read(() => _loadBalancerArn); set => Write(() => _loadBalancerArn = value); }

    public string? LoadBalancerDnsName { get => Read(() => _loadBalancerDnsName); set => Write(() => _loadBalancerDnsName = value); }

    public string? ListenerArn { get => Read(() => _listenerArn); set => Write(() => _listenerArn = value); }

    /// <summary>Instance ids by their 1-based Name-tag index.</summary>
    public IReadOnlyDictionary<int, string> Instances => Read(() => (IReadOnlyDictionary<int, string>)new SortedDictionary<int, string>(_instances));

    public void SetInstance(int index, string instanceId) => Write(() => _instances[index] = instanceId);

    public bool IsEmpty => Read(() =>
        _loadBalancerSecurityGroupId is null && _instanceSecurityGroupId is null && _instances.Count == 0
        && _targetGroupArn is null && _loadBalancerArn is null && _listenerArn is null);

    public void Clear() => Write(() =>
    {
        _instances.Clear();
        _labId = _vpcId = _loadBalancerSecurityGroupId = _instanceSecurityGroupId = null;
        _targetGroupArn = _loadBalancerArn = _loadBalancerDnsName = _listenerArn = null;
        _subnetIds = [];
    });

    /// <summary>The public view; <see cref="LabResources.None"/> itself while nothing is known.</summary>
    public LabResources Snapshot() => Read(() => _labId is null && _vpcId is null && _subnetIds.Count == 0 && _instances.Count == 0
        && _loadBalancerSecurityGroupId is null && _instanceSecurityGroupId is null && _targetGroupArn is null
        && _loadBalancerArn is null && _loadBalancerDnsName is null && _listenerArn is null
        ? LabResources.None
        : new LabResources(
        _labId,
        _vpcId,
        _subnetIds,
        _loadBalancerSecurityGroupId,
        _instanceSecurityGroupId,
        [.. _instances.Values],
        _targetGroupArn,
        _loadBalancerArn,
        _loadBalancerDnsName,
        _listenerArn));

    private T Read<T>(Func<T> read)
    {
        lock (_lock)
        {
            return read();
        }
    }

    private void Write(System.Action write)
    {
        lock (_lock)
        {
            write();
        }
    }
}
