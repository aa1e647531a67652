using AlbBuilder.Building;
using AlbBuilder.Classroom.Throttling;

namespace AlbBuilder.Classroom.Running;

/// <summary>
/// The one pair of clients every lab of a classroom talks through: the template's own (the user's, LocalCloud's, or the
/// default ones a lab would create), wrapped once in the rate-limited <see cref="ClassroomClients"/>. Resolved lazily, so
/// that building a classroom touches neither AWS nor credentials.
/// </summary>
internal sealed class ClassroomServices
{
    private readonly LabServices _template;
    private readonly AwsRequestRates _rates;
    private readonly Lock _gate = new();
    private ClassroomClients? _clients;

    public ClassroomServices(AlbLabBuilder template, AwsRequestRates rates)
    {
        _template = template.CreateServices();
        TimeProvider = _template.TimeProvider;

        _rates = rates;
        LabClients = new LabClients(() => Clients.Ec2, () => Clients.ElasticLoadBalancing);
    }

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
                return _clients ??= ClassroomClients.Wrap(_template.Ec2, _template.ElasticLoadBalancing, _rates, TimeProvider);
            }
        }
    }

    /// <summary>What each lab is given: the shared clients, resolved when the lab first needs them; never disposed by a lab.</summary>
    public LabClients LabClients { get; }

    /// <summary>Disposes the clients created from the template's defaults (never the user's or LocalCloud's).</summary>
    public void DisposeOwnedClients() => _template.DisposeOwnedClients();
}
