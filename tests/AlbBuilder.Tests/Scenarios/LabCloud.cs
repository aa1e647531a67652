using System.Collections.Concurrent;
using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.LocalCloud;
using Amazon.EC2;
using Amazon.Runtime;
using Elb = AlbBuilder.ElasticLoadBalancingV2.Model;

namespace AlbBuilder.Tests.Scenarios;

/// <summary>
/// One LocalCloud (Instant profile, eu-west-1: zones a, b and c) with real SDK clients that record every request in
/// order. Labs built with <see cref="Lab"/> use these clients, so a test sees what the lab asked for (request shape,
/// call order) and what the cloud then holds (<see cref="Ec2"/>, <see cref="Elb"/>, <see cref="Cloud"/>'s inventory).
/// </summary>
internal sealed class LabCloud : IAsyncDisposable
{
    public const string Region = "eu-west-1";

    private readonly ConcurrentQueue<(string Operation, AmazonWebServiceRequest Request)> _requests = new();
    private readonly ConcurrentDictionary<string, Action> _onRequest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _lostResponses = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Action<AmazonWebServiceResponse>> _responseEdits = new();

    private LabCloud(LocalCloud.LocalCloud cloud)
    {
        Cloud = cloud;

        // No SDK retries: a test that injects N faults sees exactly N failed calls, and a lost response stays lost.
        var ec2 = new AmazonEC2Client(cloud.Credentials, cloud.ConfigureEc2(new AmazonEC2Config { MaxErrorRetry = 0 }));
        var elb = new AmazonElasticLoadBalancingV2Client(cloud.Credentials, cloud.ConfigureElasticLoadBalancingV2(new AmazonElasticLoadBalancingV2Config { MaxErrorRetry = 0 }));
        foreach (var client in new AmazonServiceClient[] { ec2, elb })
        {
            client.BeforeRequestEvent += OnBeforeRequest;
            client.AfterResponseEvent += OnAfterResponse;
        }

        Ec2 = ec2;
        Elb = elb;
        Seed = new CloudSeed(cloud);
    }

    public LocalCloud.LocalCloud Cloud { get; }

    /// <summary>The recording EC2 client; also the one to inspect the cloud with.</summary>
    public IAmazonEC2 Ec2 { get; }

    /// <summary>The recording ELBv2 client.</summary>
    public IAmazonElasticLoadBalancingV2 Elb { get; }

    /// <summary>Creates and inspects resources with clients of its own, so none of it shows in <see cref="Operations"/>.</summary>
    public CloudSeed Seed { get; }

    /// <summary>Operations in the order they were sent (ELBv2's <c>DescribeTags</c> is <c>elb:DescribeTags</c>).</summary>
    public List<string> Operations => [.. _requests.Select(r => r.Operation)];

    public static Task<LabCloud> StartAsync() => StartAsync(LatencyProfile.Instant);

    /// <summary>A cloud on <paramref name="profile"/>: Instant with one AWS behaviour set (a lag, a stop duration).</summary>
    public static Task<LabCloud> StartAsync(LatencyProfile profile) => StartAsync(profile, Region);

    /// <summary>A cloud in another region: us-east-1 has six zones, a–f, and us-east-1e offers no t3 type.</summary>
    public static async Task<LabCloud> StartAsync(LatencyProfile profile, string region)
    {
        // The clients get LocalCloud's fake credentials and region explicitly: nothing of the machine's AWS setup
        // (profiles, environment, instance metadata) is looked up, so no process-wide variable needs setting.
        var cloud = await AlbBuilder.LocalCloud.LocalCloud.StartAsync(new LocalCloudOptions { Region = region, LatencyProfile = profile });
        return new LabCloud(cloud);
    }

    /// <summary>
    /// A lab on this cloud with a 15 s deregistration delay, a <c>team=platform</c> tag, and 3-minute timeouts (ample
    /// on the Instant profile; a broken test fails instead of hanging for the AWS-sized defaults; and longer than
    /// what <see cref="AutoAdvancingTime"/> jumps over at once).
    /// Further <c>With…</c> calls override.
    /// </summary>
    public AlbLabBuilder Lab(string name, int instances = 2) =>
        AlbLab.Create(name)
            .WithLocalCloud(Cloud)
            .WithAwsClients(Ec2, Elb)
            .WithInstances(instances)
            .WithDeregistrationDelay(TimeSpan.FromSeconds(15))
            .WithTag("team", "platform")
            .WithUserData(UserData)
            .WithTimeouts(t => t with
            {
                InstancesRunning = TimeSpan.FromMinutes(3),
                LoadBalancerActive = TimeSpan.FromMinutes(3),
                TargetsHealthy = TimeSpan.FromMinutes(3),
                Teardown = TimeSpan.FromMinutes(3),
            });

    /// <summary>
    /// A lab on the lab clock <paramref name="time"/>, which fast-forwards polls and retries, while LocalCloud runs on
    /// the real clock. Its waits and teardown get a day of lab time, so LocalCloud's progress decides how they end, not
    /// the lab clock racing ahead of it; a test about a timeout sets that one again.
    /// </summary>
    public AlbLabBuilder Lab(string name, AutoAdvancingTime time, int instances = 2) =>
        Lab(name, instances).WithTimeProvider(time).WithTimeouts(t => t with
        {
            InstancesRunning = TimeSpan.FromDays(1),
            LoadBalancerActive = TimeSpan.FromDays(1),
            TargetsHealthy = TimeSpan.FromDays(1),
            Teardown = TimeSpan.FromDays(1),
        });

    public const string UserData = "#!/bin/bash\necho héllo > /var/www/html/index.html\n";

    public List<T> Requests<T>()
        where T : AmazonWebServiceRequest => [.. _requests.Select(r => r.Request).OfType<T>()];

    public int Count(string operation) => _requests.Count(r => r.Operation == operation);

    public int IndexOf(string operation) => Operations.IndexOf(operation);

    public int LastIndexOf(string operation) => Operations.LastIndexOf(operation);

    /// <summary>Runs <paramref name="action"/> each time the lab is about to send <paramref name="operation"/>.</summary>
    public void OnRequest(string operation, Action action) => _onRequest[operation] = action;

    /// <summary>
    /// The next call of <paramref name="operation"/> is served by LocalCloud (what it creates exists), but its
    /// response never reaches the caller, as when a connection drops after the request landed.
    /// </summary>
    public void LoseNextResponse(string operation) => _lostResponses.AddOrUpdate(operation, 1, (_, n) => n + 1);

    /// <summary>
    /// Changes every later <typeparamref name="T"/> the lab receives, for what LocalCloud cannot be made to answer
    /// (a network it does not have, a load balancer that fails to provision).
    /// </summary>
    public void EditResponses<T>(Action<T> edit)
        where T : AmazonWebServiceResponse => _responseEdits.Enqueue(r =>
        {
            if (r is T response)
            {
                edit(response);
            }
        });

    /// <summary>Every field of <paramref name="r"/> as text (record equality compares the lists by reference).</summary>
    public static string Describe(LabResources r) => string.Join(
        " | ",
        r.LabId,
        r.VpcId,
        string.Join(",", r.SubnetIds),
        r.LoadBalancerSecurityGroupId,
        r.InstanceSecurityGroupId,
        string.Join(",", r.InstanceIds),
        r.TargetGroupArn,
        r.LoadBalancerArn,
        r.LoadBalancerDnsName,
        r.ListenerArn);

    public async ValueTask DisposeAsync()
    {
        Seed.Dispose();
        Ec2.Dispose();
        Elb.Dispose();
        await Cloud.DisposeAsync();
    }

    private static string OperationOf(AmazonWebServiceRequest request)
    {
        var name = request.GetType().Name;
        var operation = name.EndsWith("Request", StringComparison.Ordinal) ? name[..^"Request".Length] : name;
        return request is Elb.DescribeTagsRequest ? "elb:" + operation : operation;
    }

    private void OnBeforeRequest(object sender, RequestEventArgs e)
    {
        if (e is not WebServiceRequestEventArgs { Request: { } request })
        {
            return;
        }

        var operation = OperationOf(request);
        _requests.Enqueue((operation, request));
        if (_onRequest.TryGetValue(operation, out var action))
        {
            action();
        }
    }

    private void OnAfterResponse(object sender, ResponseEventArgs e)
    {
        if (e is not WebServiceResponseEventArgs { Request: { } request } args)
        {
            return;
        }

        foreach (var edit in _responseEdits)
        {
            edit(args.Response);
        }

        var operation = OperationOf(request);
        if (_lostResponses.TryGetValue(operation, out var left) && left > 0 && _lostResponses.TryUpdate(operation, left - 1, left))
        {
            throw new HttpRequestException($"The connection was reset after {operation} was served (test).");
        }
    }
}
