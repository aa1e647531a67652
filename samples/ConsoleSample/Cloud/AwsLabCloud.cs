using AlbBuilder.Classroom;
using AlbBuilder.ElasticLoadBalancingV2;
using Amazon;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;

namespace AlbBuilder.Sample.Cloud;

/// <summary>A real AWS account: clients from the SDK's usual chain, or from a named profile.</summary>
internal sealed class AwsLabCloud : ILabCloud
{
    private readonly AmazonEC2Client _ec2;
    private readonly AmazonElasticLoadBalancingV2Client _elasticLoadBalancing;

    private AwsLabCloud(AmazonEC2Client ec2, AmazonElasticLoadBalancingV2Client elasticLoadBalancing, string description)
    {
        _ec2 = ec2;
        _elasticLoadBalancing = elasticLoadBalancing;
        Description = description;
    }

    public bool IsLocal => false;

    public string Description { get; }

    public IAmazonEC2 Ec2 => _ec2;

    public IAmazonElasticLoadBalancingV2 ElasticLoadBalancing => _elasticLoadBalancing;

    public TimeProvider LabClock => TimeProvider.System;

    public AwsRequestRates ClassroomRequestRates => AwsRequestRates.Default;

    public ApiCallTally? ApiCalls => null;

    /// <summary>
    /// Creates the clients. AWSSDK v4 resolves credentials when a client is constructed, so this is called only after
    /// the user has confirmed; nothing is sent to AWS yet.
    /// </summary>
    /// <exception cref="InvalidOperationException">The profile doesn't exist.</exception>
    public static AwsLabCloud Create(string? region, string? profile)
    {
        AWSCredentials? credentials = null;
        if (profile is not null && !new CredentialProfileStoreChain().TryGetAWSCredentials(profile, out credentials))
        {
            throw new InvalidOperationException($"No AWS profile named '{profile}' in the shared credentials or config file.");
        }

        var endpoint = region is null ? null : RegionEndpoint.GetBySystemName(region);
        var ec2Config = new AmazonEC2Config();
        var elbConfig = new AmazonElasticLoadBalancingV2Config();
        if (endpoint is not null)
        {
            ec2Config.RegionEndpoint = endpoint;
            elbConfig.RegionEndpoint = endpoint;
        }

        var ec2 = credentials is null ? new AmazonEC2Client(ec2Config) : new AmazonEC2Client(credentials, ec2Config);
        var elb = credentials is null ? new AmazonElasticLoadBalancingV2Client(elbConfig) : new AmazonElasticLoadBalancingV2Client(credentials, elbConfig);
        var where = region ?? ec2.Config.RegionEndpoint?.SystemName ?? "the SDK's default region";
        return new AwsLabCloud(ec2, elb, $"AWS {where}{(profile is null ? string.Empty : $" (profile {profile})")}");
    }

    public AlbLabBuilder Configure(AlbLabBuilder builder) => builder.WithAwsClients(Ec2, ElasticLoadBalancing);

    public async Task<string?> FindLeftoversAsync(string labName, CancellationToken cancellationToken)
    {
        var labs = await AlbLabDirectory.ListAsync(Ec2, ElasticLoadBalancing, cancellationToken);
        var lab = labs.FirstOrDefault(l => l.Name == labName);
        return lab is null ? null : string.Join(", ", lab.ResourceIds);
    }

    public ValueTask DisposeAsync()
    {
        _ec2.Dispose();
        _elasticLoadBalancing.Dispose();
        return ValueTask.CompletedTask;
    }
}
