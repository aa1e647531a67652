using AlbBuilder.ElasticLoadBalancingV2;
using Amazon.EC2;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlbBuilder.Building;

/// <summary>What a lab talks to. Clients are created lazily so that <c>Build()</c> touches neither AWS nor credentials.</summary>
internal sealed class LabServices
{
    private readonly Lazy<IAmazonEC2> _ec2;
    private readonly Lazy<IAmazonElasticLoadBalancingV2> _elb;

    public LabServices(
        Func<IAmazonEC2> ec2,
        Func<IAmazonElasticLoadBalancingV2> elb,
        bool ownsClients,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null,
        HttpMessageHandler? trafficHandler = null)
    {
        TrafficHandler = trafficHandler;
        // PublicationOnly: a failed creation (e.g. no credentials yet) is not cached, so a later call can succeed.
        _ec2 = new Lazy<IAmazonEC2>(ec2, LazyThreadSafetyMode.PublicationOnly);
        _elb = new Lazy<IAmazonElasticLoadBalancingV2>(elb, LazyThreadSafetyMode.PublicationOnly);
        OwnsClients = ownsClients;
        TimeProvider = timeProvider ?? TimeProvider.System;
        LoggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
    }

    public IAmazonEC2 Ec2 => _ec2.Value;

    public IAmazonElasticLoadBalancingV2 ElasticLoadBalancing => _elb.Value;

    /// <summary>Whether either client has been created yet (building a lab must not create them).</summary>
    public bool AreClientsCreated => _ec2.IsValueCreated || _elb.IsValueCreated;

    /// <summary>Whether the lab created the clients and must dispose them.</summary>
    public bool OwnsClients { get; }

    public TimeProvider TimeProvider { get; }

    public ILoggerFactory LoggerFactory { get; }

    /// <summary>The handler for the lab's own HTTP traffic; null means a plain handler. Never disposed by the lab.</summary>
    public HttpMessageHandler? TrafficHandler { get; }

    /// <summary>Disposes the clients the lab created (only those already created).</summary>
    public void DisposeOwnedClients()
    {
        if (!OwnsClients)
        {
            return;
        }

        if (_ec2.IsValueCreated)
        {
            _ec2.Value.Dispose();
        }

        if (_elb.IsValueCreated)
        {
            _elb.Value.Dispose();
        }
    }
}
