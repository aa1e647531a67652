using AlbBuilder.Classroom;
using AlbBuilder.ElasticLoadBalancingV2;
using Amazon.EC2;

namespace AlbBuilder.Sample.Cloud;

/// <summary>Where the sample's labs live: LocalCloud in this process, or a real AWS account.</summary>
internal interface ILabCloud : IAsyncDisposable
{
    /// <summary>Whether this is the in-process LocalCloud (gone when the process ends).</summary>
    bool IsLocal { get; }

    /// <summary>One line for people, e.g. <c>LocalCloud (Realistic ×0.02) in this process</c>.</summary>
    string Description { get; }

    IAmazonEC2 Ec2 { get; }

    IAmazonElasticLoadBalancingV2 ElasticLoadBalancing { get; }

    /// <summary>The clock the labs use (LocalCloud's), e.g. to tell which labs have expired.</summary>
    TimeProvider LabClock { get; }

    /// <summary>
    /// The request rates a classroom keeps to on this cloud: AWS's own, or on LocalCloud AWS's scaled with its latency
    /// profile (a class on Realistic ×0.02 meets AWS's limits per simulated second).
    /// </summary>
    AwsRequestRates ClassroomRequestRates { get; }

    /// <summary>The API calls this cloud received and how many it throttled, when it counts them (LocalCloud); null otherwise.</summary>
    ApiCallTally? ApiCalls { get; }

    /// <summary>Points a lab description at this cloud (clients; on LocalCloud also its traffic handler, clock and polling).</summary>
    AlbLabBuilder Configure(AlbLabBuilder builder);

    /// <summary>
    /// What is left after a teardown, or null when nothing is: on LocalCloud every resource of any kind (its inventory),
    /// on AWS the resources still carrying the lab's ownership tags.
    /// </summary>
    Task<string?> FindLeftoversAsync(string labName, CancellationToken cancellationToken);
}
