namespace AlbBuilder.Provisioning;

/// <summary>
/// The lab's resources as they are created or found (the resource model plus the network, the instances' Name-tag
/// indexes and the load balancer's DNS name); written by the parallel branches of a start, hence the lock.
/// <see cref="Snapshot"/> gives the public <see cref="LabResources"/>.
/// </summary>
internal sealed class LabInventory
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<int, string> _instances = [];
    private readonly Dictionary<LabResourceKind, string> _single = [];
    private string? _labId;
    private string? _vpcId;
    private IReadOnlyList<string> _subnetIds = [];
    private string? _loadBalancerDnsName;

    public string? LabId
    {
        get { lock (_lock) { return _labId; } }
        set { lock (_lock) { _labId = value; } }
    }

    public string? LoadBalancerDnsName
    {
        get { lock (_lock) { return _loadBalancerDnsName; } }
        set { lock (_lock) { _loadBalancerDnsName = value; } }
    }

    /// <summary>Instance ids by their 1-based Name-tag index.</summary>
    public IReadOnlyDictionary<int, string> Instances
    {
        get { lock (_lock) { return new SortedDictionary<int, string>(_instances); } }
    }

    /// <summary>The lab's own resources (instances in Name-tag order).</summary>
    public LabResourceSet Resources
    {
        get { lock (_lock) { return ResourcesLocked(); } }
    }

    public void SetNetwork(string? vpcId, IReadOnlyList<string> subnetIds)
    {
        lock (_lock)
        {
            _vpcId = vpcId;
            _subnetIds = subnetIds;
        }
    }

    /// <summary>Records a resource of a kind the lab has one of (anything but an instance).</summary>
    public void Set(LabResource resource)
    {
        lock (_lock)
        {
            _single[resource.Kind] = resource.Id;
        }
    }

    public void SetInstance(int index, string instanceId)
    {
        lock (_lock)
        {
            _instances[index] = instanceId;
        }
    }

    /// <summary>Takes what was found: the lab id, the resources and the instances up to <paramref name="maxIndex"/>.</summary>
    public void Adopt(FoundLab found, int maxIndex = int.MaxValue)
    {
        lock (_lock)
        {
            _labId = found.LabId;
            _loadBalancerDnsName = found.LoadBalancer?.DNSName;
            foreach (var resource in found.Resources.Where(r => r.Kind != LabResourceKind.Instance))
            {
                _single[resource.Kind] = resource.Id;
            }

            foreach (var (index, instance) in found.Instances.Where(i => i.Key <= maxIndex))
            {
                if (instance.InstanceId is { } id)
                {
                    _instances[index] = id;
                }
            }
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _instances.Clear();
            _single.Clear();
            _labId = _vpcId = _loadBalancerDnsName = null;
            _subnetIds = [];
        }
    }

    /// <summary>The public view; <see cref="LabResources.None"/> itself while nothing is known.</summary>
    public LabResources Snapshot()
    {
        lock (_lock)
        {
            var resources = ResourcesLocked();
            return _labId is null && _vpcId is null && _subnetIds.Count == 0 && _loadBalancerDnsName is null && resources.IsEmpty
                ? LabResources.None
                : LabResources.From(_labId, _vpcId, _subnetIds, resources, _loadBalancerDnsName);
        }
    }

    private LabResourceSet ResourcesLocked() => LabResourceSet.From(
        _single.Select(p => new LabResource(p.Key, p.Value))
            .Concat(_instances.Values.Select(id => new LabResource(LabResourceKind.Instance, id)))
            .OrderBy(r => r.Kind));
}
