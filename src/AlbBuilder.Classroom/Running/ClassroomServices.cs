using AlbBuilder.Building;
using AlbBuilder.Classroom.Throttling;
using AlbBuilder.ElasticLoadBalancingV2;
using Amazon;
using Amazon.EC2;

namespace AlbBuilder.Classroom.Running;

/// <summary>
/// The one pair of clients every lab of a classroom talks through: the template's own (the user's or LocalCloud's), or,
/// when the template has none, clients the classroom creates for the template's region with the SDK's Adaptive retry
/// mode; wrapped once in the rate-limited <see cref="ClassroomClients"/>. Resolved lazily, so that building a classroom
/// touches neither AWS nor credentials.
/// </summary>
internal sealed class ClassroomServices
{
    private readonly LabServices _template;
    private readonly RegionEndpoint? _region;
    private readonly AwsRequestRates _rates;
    private readonly Lock _gate = new();
    private ClassroomClients? _clients;
    private IAmazonEC2? _ownEc2;
    private IAmazonElasticLoadBalancingV2? _ownElb;

    public ClassroomServices(AlbLabBuilder template, AwsRequestRates rates)
    {
        _template = template.CreateServices();
        _region = template.ConfiguredRegion;
        BatchWindow = ClassroomClients.BatchWindowFor(template.ConfiguredPollInterval);
        TimeProvider = _template.TimeProvider;

        _rates = rates;
        LabClients = new LabClients(() => Clients.Ec2, () => Clients.ElasticLoadBalancing);
    }

    /// <summary>How long shared polling collects the labs' describe calls: a fifth of the template's poll interval.</summary>
    public TimeSpan BatchWindow { get; }

    /// <summary>The template's clock: every lab's, and the one durations are measured with.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>
    /// The shared, rate-limited clients, created on first use and exactly once (labs starting together ask at the same
    /// moment, and the buckets must be one); a failed creation (no region or credentials yet) is not kept, so a later call can succeed.
    /// </summary>
    public ClassroomClients Clients
    {
        get
        {
            lock (_gate)
            {
                if (_clients is null)
                {
                    var (ec2, elb) = _template.OwnsClients ? CreateAdaptiveClients() : (_template.Ec2, _template.ElasticLoadBalancing);
                    _clients = ClassroomClients.Wrap(ec2, elb, _rates, TimeProvider, BatchWindow);
                }

                return _clients;
            }
        }
    }

    /// <summary>Gets the shared clients if a lab has asked for them already; never creates them (no credentials needed).</summary>
    public ClassroomClients? CreatedClients
    {
        get
        {
            lock (_gate)
            {
                return _clients;
            }
        }
    }

    /// <summary>What each lab is given: the shared clients, resolved when the lab first needs them; never disposed by a lab.</summary>
    public LabClients LabClients { get; }

    /// <summary>Disposes the clients the classroom created (never the user's or LocalCloud's).</summary>
    public void DisposeOwnedClients()
    {
        lock (_gate)
        {
            _ownEc2?.Dispose();
            _ownElb?.Dispose();
        }
    }

    // Thirty labs' bursts may still meet a throttle now and then: Adaptive retry backs off instead of failing them.
    private (IAmazonEC2, IAmazonElasticLoadBalancingV2) CreateAdaptiveClients()
    {
        var region = LabRegion.Resolve(_region);
        _ownEc2 = AdaptiveRetryClients.CreateEc2(region);
        try
        {
            _ownElb = AdaptiveRetryClients.CreateElasticLoadBalancing(region);
        }
        catch
        {
            _ownEc2.Dispose();
            _ownEc2 = null;
            throw;
        }

        return (_ownEc2, _ownElb);
    }
}
