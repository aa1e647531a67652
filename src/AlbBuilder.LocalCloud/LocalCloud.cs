using System.Diagnostics;
using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.LocalCloud.DataPlane;
using AlbBuilder.LocalCloud.Ec2;
using AlbBuilder.LocalCloud.Elbv2;
using AlbBuilder.LocalCloud.Endpoint;
using AlbBuilder.LocalCloud.Protocol;
using AlbBuilder.LocalCloud.Quotas;
using AlbBuilder.LocalCloud.State;
using AlbBuilder.LocalCloud.Throttling;
using AlbBuilder.LocalCloud.Wiring;
using Amazon.EC2;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;

namespace AlbBuilder.LocalCloud;

/// <summary>
/// An embedded emulator of the EC2 and Elastic Load Balancing v2 subset AlbBuilder uses, with a real HTTP
/// data plane: instances are web servers, load balancers are reverse proxies with ALB health checks, all on
/// 127.0.0.1. Start one per test (it starts in milliseconds) and point the AWS SDK clients at it.
/// </summary>
/// <example>
/// <code>
/// await using var cloud = await LocalCloud.StartAsync();
/// using var ec2 = cloud.CreateEc2Client();
/// using var http = new HttpClient(cloud.CreateHttpMessageHandler());
/// </code>
/// </example>
public sealed class LocalCloud : IAsyncDisposable
{
    /// <summary>The fixed fake access key id LocalCloud expects when it verifies signatures.</summary>
    public const string AccessKeyId = "AKIALOCALCLOUD000001";

    /// <summary>The fixed fake secret access key LocalCloud expects when it verifies signatures.</summary>
    public const string SecretAccessKey = "localcloud/secret/key/not/a/real/one/0000";

    private readonly CloudState _state;
    private readonly LifeCycleScheduler _scheduler;
    private readonly DataPlaneHost _dataPlane;
    private readonly ILoggerFactory _loggerFactory;
    private readonly Lazy<IAmazonEC2> _sharedEc2;
    private readonly Lazy<IAmazonElasticLoadBalancingV2> _sharedElasticLoadBalancingV2;
    private readonly Lazy<HttpMessageHandler> _sharedHttpMessageHandler;
    private ControlPlaneServer? _server;
    private int _disposed;

    private LocalCloud(LocalCloudOptions options, ILoggerFactory loggerFactory)
    {
        _loggerFactory = loggerFactory;
        Region = options.Region;
        LatencyProfile = options.LatencyProfile;
        _scheduler = new LifeCycleScheduler(options.TimeProvider, loggerFactory.CreateLogger<LifeCycleScheduler>());
        _state = new CloudState(options.Region, options.TimeProvider, options.LatencyProfile, _scheduler) { Quotas = QuotasOf(options) };
        _dataPlane = new DataPlaneHost(_state, options.LoggerFactory, options.PublishDataPlane, options.ConfigureInstance);
        _state.Changed = _dataPlane.Signal;
        TimeProvider = options.TimeProvider;
        _sharedEc2 = new Lazy<IAmazonEC2>(CreateEc2Client);
        _sharedElasticLoadBalancingV2 = new Lazy<IAmazonElasticLoadBalancingV2>(CreateElasticLoadBalancingV2Client);
        _sharedHttpMessageHandler = new Lazy<HttpMessageHandler>(CreateHttpMessageHandler);
    }

    /// <summary>Gets the control-plane endpoint both services answer on, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri ServiceUrl => _server?.Url ?? throw new InvalidOperationException("LocalCloud is not started.");

    /// <summary>Gets the emulated region.</summary>
    public string Region { get; }

    /// <summary>Gets the latency profile in use.</summary>
    public LatencyProfile LatencyProfile { get; }

    /// <summary>Gets the fixed fake credentials (<see cref="AccessKeyId"/>, <see cref="SecretAccessKey"/>) to sign requests with.</summary>
    public AWSCredentials Credentials { get; } = new BasicAWSCredentials(AccessKeyId, SecretAccessKey);

    /// <summary>Gets the fault injector: fail, throttle or delay the next calls of an operation.</summary>
    public LocalCloudFaults Faults { get; } = new();

    /// <summary>Gets the data-plane faults: break one instance's web server (refuse, answer 5xx, hang) while it runs.</summary>
    public LocalCloudDataPlaneFaults DataPlaneFaults => _dataPlane.Faults;

    /// <summary>Gets the per-operation call counters (<c>cloud.Calls["RunInstances"]</c>).</summary>
    public LocalCloudCalls Calls { get; } = new();

    /// <summary>Gets the clock that drives this cloud's life cycles.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Gets how long <see cref="StartAsync(LocalCloudOptions?, CancellationToken)"/> took for this instance.</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>Starts a LocalCloud on a free 127.0.0.1 port with the default options (us-east-1, <see cref="LatencyProfile.Instant"/>).</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running cloud; dispose it to stop every server and timer.</returns>
    /// <example><c>await using var cloud = await LocalCloud.StartAsync(ct);</c></example>
    public static Task<LocalCloud> StartAsync(CancellationToken cancellationToken) => StartAsync(null, cancellationToken);

    /// <summary>Starts a LocalCloud on a free 127.0.0.1 port.</summary>
    /// <param name="options">The options; defaults (us-east-1, <see cref="LatencyProfile.Instant"/>, no signature checks) when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running cloud; dispose it to stop every server and timer.</returns>
    /// <exception cref="ArgumentException">The region is empty or the latency profile or time provider is null.</exception>
    public static async Task<LocalCloud> StartAsync(LocalCloudOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LocalCloudOptions();
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Region, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535, nameof(options));
        if (options.LatencyProfile is null || options.TimeProvider is null)
        {
            throw new ArgumentException("LatencyProfile and TimeProvider must not be null.", nameof(options));
        }

        if (options.OnDemandVcpuLimit < 1 || options.RulesPerSecurityGroupLimit < 1 || options.LoadBalancerLimit < 0
            || options.TargetGroupLimit < 0 || options.SecurityGroupLimit < 1 || options.Throttling is null)
        {
            throw new ArgumentException(
                "OnDemandVcpuLimit, RulesPerSecurityGroupLimit and SecurityGroupLimit must be at least 1, LoadBalancerLimit and TargetGroupLimit at least 0, and Throttling not null.",
                nameof(options));
        }

        var started = Stopwatch.GetTimestamp();
        var loggerFactory = QuietLoggerProvider.CreateFactory(options.LoggerFactory);
        var cloud = new LocalCloud(options, loggerFactory);
        try
        {
            var ec2 = new Ec2Api(cloud._state);
            var elbv2 = new Elbv2Api(cloud._state, cloud._dataPlane);
            cloud._state.InstanceTerminating = elbv2.DeregisterInstance;
            cloud._server = await ControlPlaneServer.StartAsync(
                ec2,
                elbv2,
                cloud.Faults,
                cloud.Calls,
                options.TimeProvider,
                options.VerifySignatures ? new SigV4Verifier(AccessKeyId, SecretAccessKey, options.Region, options.TimeProvider) : null,
                loggerFactory,
                (options.Port, context => LocalCloudRoutes.TryHandleAsync(context, cloud)),
                cancellationToken).ConfigureAwait(false);
            cloud._server.Throttle = RequestThrottle.Create(options.Throttling, options.LatencyProfile, options.TimeProvider);
        }
        catch
        {
            await cloud.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        cloud.StartupTime = Stopwatch.GetElapsedTime(started);
        return cloud;
    }

    /// <summary>Points an EC2 client configuration at this cloud (ServiceURL, AuthenticationRegion, credentials).</summary>
    /// <param name="config">The configuration to change.</param>
    /// <returns>The same configuration.</returns>
    /// <exception cref="ArgumentNullException">The configuration is null.</exception>
    public AmazonEC2Config ConfigureEc2(AmazonEC2Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Configure(config);
        return config;
    }

    /// <summary>Creates an EC2 client for this cloud, signed with <see cref="Credentials"/>.</summary>
    /// <returns>The client; the caller disposes it.</returns>
    public IAmazonEC2 CreateEc2Client() => new AmazonEC2Client(Credentials, ConfigureEc2(new AmazonEC2Config()));

    /// <summary>Points an ELBv2 client configuration at this cloud (ServiceURL, AuthenticationRegion, credentials).</summary>
    /// <param name="config">The configuration to change.</param>
    /// <returns>The same configuration.</returns>
    /// <exception cref="ArgumentNullException">The configuration is null.</exception>
    public AmazonElasticLoadBalancingV2Config ConfigureElasticLoadBalancingV2(AmazonElasticLoadBalancingV2Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Configure(config);
        return config;
    }

    /// <summary>Creates an ELBv2 client for this cloud, signed with <see cref="Credentials"/>.</summary>
    /// <returns>The client; the caller disposes it.</returns>
    public IAmazonElasticLoadBalancingV2 CreateElasticLoadBalancingV2Client() =>
        new AmazonElasticLoadBalancingV2Client(Credentials, ConfigureElasticLoadBalancingV2(new AmazonElasticLoadBalancingV2Config()));

    /// <summary>
    /// Creates a handler for an <see cref="HttpClient"/> that reaches load balancer DNS names and instance public
    /// addresses through LocalCloud's loopback data plane (security groups applied; the Host header is kept).
    /// Anything else fails to connect; nothing ever leaves 127.0.0.1.
    /// </summary>
    /// <returns>The handler; the <see cref="HttpClient"/> that owns it disposes it.</returns>
    public HttpMessageHandler CreateHttpMessageHandler() => new LoopbackConnectHandler(_dataPlane.ResolveClientConnection);

    /// <summary>Lists what exists now: instances not terminated, non-default security groups, load balancers, target groups, listeners.</summary>
    /// <returns>The inventory.</returns>
    public LocalCloudInventory GetInventory()
    {
        lock (_state.Gate)
        {
            return new LocalCloudInventory(
                _state.Instances.Values.Where(i => i.State != InstanceState.Terminated).Select(i => i.Id).Order(StringComparer.Ordinal).ToList(),
                _state.SecurityGroups.Values.Where(g => !g.IsDefault).Select(g => g.Id).Order(StringComparer.Ordinal).ToList(),
                _state.LoadBalancers.Keys.Order(StringComparer.Ordinal).ToList(),
                _state.TargetGroups.Keys.Order(StringComparer.Ordinal).ToList(),
                _state.Listeners.Keys.Order(StringComparer.Ordinal).ToList());
        }
    }

    /// <summary>
    /// Lists where to open each listener of an active load balancer and each running instance's public address from this
    /// machine (security groups applied: what a browser here could not reach is left out).
    /// </summary>
    /// <returns>The listeners by DNS name and port, then the instances by launch.</returns>
    public IReadOnlyList<LocalCloudUrl> GetUrls() => _dataPlane.GetUrls();

    /// <summary>
    /// Maps an address as AWS gives it (<c>http://&lt;alb-dns-name&gt;:80/path</c>, <c>http://&lt;public-ip&gt;/</c>) to the
    /// one that answers on this machine, path and query kept; <see langword="null"/> when the connection would fail.
    /// </summary>
    /// <param name="awsUrl">An http URL of a load balancer DNS name or an instance public address or DNS name.</param>
    /// <returns>The URL to open, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException">The URL is null.</exception>
    public Uri? ResolveUrl(Uri awsUrl)
    {
        ArgumentNullException.ThrowIfNull(awsUrl);
        if (!awsUrl.IsAbsoluteUri || _dataPlane.OpenableUrl(awsUrl.Host, awsUrl.Port) is not { } root)
        {
            return null;
        }

        return new UriBuilder(root) { Path = awsUrl.AbsolutePath, Query = awsUrl.Query }.Uri;
    }

    /// <summary>Gets an EC2 client owned by the cloud (disposed with it), for <see cref="LocalCloudLabExtensions.WithLocalCloud"/>.</summary>
    internal IAmazonEC2 SharedEc2Client => _sharedEc2.Value;

    /// <summary>Gets an ELBv2 client owned by the cloud (disposed with it).</summary>
    internal IAmazonElasticLoadBalancingV2 SharedElasticLoadBalancingV2Client => _sharedElasticLoadBalancingV2.Value;

    /// <summary>Gets a data-plane handler owned by the cloud (disposed with it).</summary>
    internal HttpMessageHandler SharedHttpMessageHandler => _sharedHttpMessageHandler.Value;

    /// <summary>Gets every 127.0.0.1 port this cloud listens on now: the control plane, instance servers and front doors.</summary>
    /// <summary>Gets the emulated account's state (tests reach it to set up what the APIs cannot, e.g. a small subnet).</summary>
    internal CloudState State => _state;

    internal IReadOnlyList<int> ListeningPorts => [ServiceUrl.Port, .. _dataPlane.ListeningPorts];

    /// <summary>Stops the control plane, every instance server, front door, health checker and timer.</summary>
    /// <returns>A task that completes when every port is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _scheduler.Dispose();
        _state.Changed = null;
        if (_sharedEc2.IsValueCreated)
        {
            _sharedEc2.Value.Dispose();
        }

        if (_sharedElasticLoadBalancingV2.IsValueCreated)
        {
            _sharedElasticLoadBalancingV2.Value.Dispose();
        }

        if (_sharedHttpMessageHandler.IsValueCreated)
        {
            _sharedHttpMessageHandler.Value.Dispose();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }

        await _dataPlane.DisposeAsync().ConfigureAwait(false);
        _loggerFactory.Dispose();
    }

    private static AccountQuotas QuotasOf(LocalCloudOptions options) =>
        new(options.OnDemandVcpuLimit, options.RulesPerSecurityGroupLimit)
        {
            LoadBalancers = options.LoadBalancerLimit,
            TargetGroups = options.TargetGroupLimit,
            SecurityGroups = options.SecurityGroupLimit,
        };

    private void Configure(ClientConfig config)
    {
        config.ServiceURL = ServiceUrl.ToString();

        // With a custom ServiceURL the signer would take the region from the host (127.0.0.1 → us-east-1).
        config.AuthenticationRegion = Region;
        config.DefaultAWSCredentials = Credentials;
    }
}
