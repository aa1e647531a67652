using System.Collections.Immutable;
using AlbBuilder.Building;
using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.Provisioning;
using Amazon;
using Amazon.EC2;
using Amazon.EC2.Model;
using Microsoft.Extensions.Logging;

namespace AlbBuilder;

/// <summary>
/// Describes a lab, fluently and immutably: every <c>With…</c> returns a new builder and leaves this one as it was,
/// so a builder can serve as a template for several labs. <see cref="Build"/> validates everything at once and
/// returns an un-started <see cref="IAlbLab"/>; nothing touches AWS before <see cref="IAlbLab.StartAsync(IProgress{LabEvent}, CancellationToken)"/>.
/// </summary>
public sealed class AlbLabBuilder
{
    private readonly AlbLabConfiguration _configuration;

    internal AlbLabBuilder(AlbLabConfiguration configuration)
    {
        _configuration = configuration;
    }

    /// <summary>Sets how many EC2 instances serve behind the load balancer, spread across the Availability Zones.</summary>
    /// <param name="count">1 to <see cref="AlbLab.MaxInstances"/>. <value>The default is 2.</value></param>
    /// <returns>A new builder with the change.</returns>
    public AlbLabBuilder WithInstances(int count) => Merge(new() { InstanceCount = count });

    /// <summary>Sets the instances' EC2 instance type.</summary>
    /// <param name="instanceType">An instance type shaped <c>family.size</c>. <value>The default is <c>t3.micro</c>.</value></param>
    /// <returns>A new builder with the change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="instanceType"/> is null.</exception>
    public AlbLabBuilder WithInstanceType(string instanceType)
    {
        ArgumentNullException.ThrowIfNull(instanceType);
        return Merge(new() { InstanceType = instanceType });
    }

    /// <summary>Sets the instances' machine image.</summary>
    /// <param name="amiIdOrResolveSsm">
    /// An AMI id (<c>ami-…</c>) or <c>resolve:ssm:&lt;parameter&gt;</c>, which EC2 resolves at launch.
    /// <value>The default is <c>resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64</c> (Amazon Linux 2023).</value>
    /// </param>
    /// <returns>A new builder with the change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="amiIdOrResolveSsm"/> is null.</exception>
    public AlbLabBuilder WithImage(string amiIdOrResolveSsm)
    {
        ArgumentNullException.ThrowIfNull(amiIdOrResolveSsm);
        return Merge(new() { ImageId = amiIdOrResolveSsm });
    }

    /// <summary>Sets the script each instance runs on first boot; it must start a web server on the target port.</summary>
    /// <param name="script">
    /// The script as plain text, at most <see cref="UserData.MaxBytes"/> UTF-8 bytes; the lab base64-encodes it and never logs it.
    /// <value>The default is <see cref="UserData.HelloHttpd"/>.</value>
    /// </param>
    /// <returns>A new builder with the change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="script"/> is null.</exception>
    public AlbLabBuilder WithUserData(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        return Merge(new() { UserData = script });
    }

    /// <summary>Sets the port of the load balancer's HTTP listener.</summary>
    /// <param name="port">1–65535. <value>The default is 80.</value></param>
    /// <returns>A new builder with the change.</returns>
    public AlbLabBuilder ListenOn(int port) => Merge(new() { ListenerPort = port });

    /// <summary>Sets the port the instances serve on (the target group's port and the health check's traffic port).</summary>
    /// <param name="port">1–65535. <value>The default is 80.</value></param>
    /// <returns>A new builder with the change.</returns>
    public AlbLabBuilder WithTargetPort(int port) => Merge(new() { TargetPort = port });

    /// <summary>Replaces the target group's health check.</summary>
    /// <param name="healthCheck">The settings. <value>The default is <see cref="HealthCheckSettings.LabDefault"/>.</value></param>
    /// <returns>A new builder with the change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="healthCheck"/> is null.</exception>
    public AlbLabBuilder WithHealthCheck(HealthCheckSettings healthCheck)
    {
        ArgumentNullException.ThrowIfNull(healthCheck);
        return Merge(new() { HealthCheck = healthCheck });
    }

    /// <summary>Adjusts the health check, e.g. <c>WithHealthCheck(h =&gt; h with { Path = "/health" })</c>.</summary>
    /// <param name="configure">Receives the current settings (<see cref="HealthCheckSettings.LabDefault"/> unless set) and returns the new ones.</param>
    /// <returns>A new builder with the change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="configure"/> returned null.</exception>
    public AlbLabBuilder WithHealthCheck(Func<HealthCheckSettings, HealthCheckSettings> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var healthCheck = configure(_configuration.HealthCheck ?? HealthCheckSettings.LabDefault)
            ?? throw new ArgumentException("The function returned null; return the adjusted settings.", nameof(configure));
        return Merge(new() { HealthCheck = healthCheck });
    }

    /// <summary>Sets how long the load balancer keeps sending in-flight requests to a target being deregistered.</summary>
    /// <param name="delay">Whole seconds, 0–3600. <value>The default is 30 seconds (AWS's own default, 300 s, slows every teardown).</value></param>
    /// <returns>A new builder with the change.</returns>
    public AlbLabBuilder WithDeregistrationDelay(TimeSpan delay) => Merge(new() { DeregistrationDelay = delay });

    /// <summary>Puts the lab in a given VPC instead of the account's default VPC.</summary>
    /// <param name="vpcId">The VPC id (<c>vpc-…</c>). <value>The default is the region's default VPC.</value></param>
    /// <returns>A new builder with the change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="vpcId"/> is null.</exception>
    public AlbLabBuilder InVpc(string vpcId)
    {
        ArgumentNullException.ThrowIfNull(vpcId);
        return Merge(new() { VpcId = vpcId });
    }

    /// <summary>Uses the given subnets for the load balancer and instances instead of the VPC's default subnets.</summary>
    /// <remarks>
    /// Each subnet must be in a different Availability Zone and in the lab's VPC (the default VPC unless
    /// <see cref="InVpc"/> says otherwise); that is checked when the lab starts.
    /// </remarks>
    /// <param name="subnetIds">At least 2 distinct subnet ids (<c>subnet-…</c>). <value>The default is the VPC's default subnet of each Availability Zone.</value></param>
    /// <returns>A new builder with the change (replacing subnets given before).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="subnetIds"/> or one of its items is null.</exception>
    public AlbLabBuilder InSubnets(params string[] subnetIds)
    {
        ArgumentNullException.ThrowIfNull(subnetIds);
        foreach (var subnetId in subnetIds)
        {
            ArgumentNullException.ThrowIfNull(subnetId, nameof(subnetIds));
        }

        return Merge(new() { SubnetIds = [.. subnetIds] });
    }

    /// <summary>Adds tags to every resource the lab creates, next to its ownership tags.</summary>
    /// <param name="tags">
    /// Keys of 1–128 characters, values of at most 256; no <c>aws:</c> or <c>albbuilder:</c> prefix, no <c>Name</c>; at most
    /// <see cref="AlbLab.MaxUserTags"/> in all. A key given twice (across calls too) is reported by <see cref="Build"/>.
    /// <value>The default is no user tags.</value>
    /// </param>
    /// <returns>A new builder with the tags added.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tags"/> or one of its values is null.</exception>
    public AlbLabBuilder WithTags(IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        foreach (var tag in tags)
        {
            ArgumentNullException.ThrowIfNull(tag.Value, nameof(tags));
        }

        return Merge(new() { Tags = [.. tags] });
    }

    /// <summary>Adds one tag to every resource the lab creates; the rules of <see cref="WithTags"/> apply.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value (may be empty).</param>
    /// <returns>A new builder with the tag added.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="value"/> is null.</exception>
    public AlbLabBuilder WithTag(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        return Merge(new() { Tags = [new(key, value)] });
    }

    /// <summary>Sets how long each slow step may take before the lab gives up.</summary>
    /// <param name="timeouts">Positive durations. <value>The default is <see cref="LabTimeouts.Default"/>.</value></param>
    /// <returns>A new builder with the change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeouts"/> is null.</exception>
    public AlbLabBuilder WithTimeouts(LabTimeouts timeouts)
    {
        ArgumentNullException.ThrowIfNull(timeouts);
        return Merge(new() { Timeouts = timeouts });
    }

    /// <summary>Adjusts the timeouts, e.g. <c>WithTimeouts(t =&gt; t with { LoadBalancerActive = TimeSpan.FromMinutes(30) })</c>.</summary>
    /// <param name="configure">Receives the current timeouts (<see cref="LabTimeouts.Default"/> unless set) and returns the new ones.</param>
    /// <returns>A new builder with the change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="configure"/> returned null.</exception>
    public AlbLabBuilder WithTimeouts(Func<LabTimeouts, LabTimeouts> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var timeouts = configure(_configuration.Timeouts ?? LabTimeouts.Default)
            ?? throw new ArgumentException("The function returned null; return the adjusted timeouts.", nameof(configure));
        return Merge(new() { Timeouts = timeouts });
    }

    /// <summary>Sets whether disposing the lab, or a failed start, deletes what the lab created.</summary>
    /// <param name="cleanUp">False keeps the resources (e.g. to inspect a failure); delete them later with <see cref="IAlbLab.DestroyAsync(IProgress{LabEvent}, CancellationToken)"/>. <value>The default is <see langword="true"/>.</value></param>
    /// <returns>A new builder with the change.</returns>
    public AlbLabBuilder WithCleanUp(bool cleanUp) => Merge(new() { CleanUp = cleanUp });

    /// <summary>Tags every resource with an expiry time (<see cref="LabTags.ExpiresAt"/>) this long after the start, for sweepers.</summary>
    /// <param name="timeToLive">A positive duration. <value>The default is no expiry tag.</value></param>
    /// <returns>A new builder with the change.</returns>
    public AlbLabBuilder WithTimeToLive(TimeSpan timeToLive) => Merge(new() { TimeToLive = timeToLive });

    /// <summary>
    /// Sets how often the lab polls AWS while it waits (instances running, load balancer active, targets healthy,
    /// teardown); waits back off from this up to three times it, with jitter.
    /// </summary>
    /// <param name="interval">Between 10 ms and 5 minutes; keep it at seconds on AWS (API rate limits), use milliseconds on LocalCloud. <value>The default is 5 seconds.</value></param>
    /// <returns>A new builder with the change.</returns>
    public AlbLabBuilder WithPolling(TimeSpan interval) => Merge(new() { PollInterval = interval });

    /// <summary>Opens the target port of the instances to a CIDR as well, e.g. your own address to compare with the ALB's answers.</summary>
    /// <remarks>By default the instances admit traffic only from the load balancer's security group.</remarks>
    /// <param name="cidr">An IPv4 CIDR, e.g. <c>203.0.113.7/32</c>. <value>The default is no direct access.</value></param>
    /// <returns>A new builder with the change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cidr"/> is null.</exception>
    public AlbLabBuilder WithDirectInstanceAccess(string cidr)
    {
        ArgumentNullException.ThrowIfNull(cidr);
        return Merge(new() { DirectInstanceAccessCidr = cidr });
    }

    /// <summary>Escape hatch: changes each RunInstances request just before it is sent (e.g. a key pair or an instance profile).</summary>
    /// <remarks>Calls add up and run in order. What you change is yours to keep valid; the lab doesn't re-validate it.</remarks>
    /// <param name="configure">Receives the request the lab built.</param>
    /// <returns>A new builder with the customization added.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is null.</exception>
    public AlbLabBuilder ConfigureRunInstances(Action<RunInstancesRequest> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Merge(new() { RunInstancesCustomizations = [configure] });
    }

    /// <summary>Uses your AWS clients (e.g. with your credentials, region or a LocalCloud endpoint). The lab doesn't dispose them.</summary>
    /// <param name="ec2">The EC2 client.</param>
    /// <param name="elasticLoadBalancing">The ELBv2 client.</param>
    /// <returns>A new builder with the change.</returns>
    /// <exception cref="ArgumentNullException">A client is null.</exception>
    public AlbLabBuilder WithAwsClients(IAmazonEC2 ec2, IAmazonElasticLoadBalancingV2 elasticLoadBalancing)
    {
        ArgumentNullException.ThrowIfNull(ec2);
        ArgumentNullException.ThrowIfNull(elasticLoadBalancing);
        return Merge(new() { Clients = new LabClients(() => ec2, () => elasticLoadBalancing) });
    }

    /// <summary>Sets the region of the clients the lab creates itself (without <see cref="WithAwsClients"/>).</summary>
    /// <param name="region">
    /// The region. <value>The default is <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>, then the profile's region; never the
    /// instance-metadata address. With none, <see cref="IAlbLab.StartAsync(IProgress{LabEvent}, CancellationToken)"/> fails at once, naming the fixes.</value>
    /// </param>
    /// <returns>A new builder with the change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="region"/> is null.</exception>
    public AlbLabBuilder WithRegion(RegionEndpoint region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return Merge(new() { Region = region });
    }

    /// <summary>Sets the clock that waits, polls, timestamps events and computes the expiry tag (a fake one in tests).</summary>
    /// <param name="timeProvider">The clock. <value>The default is <see cref="TimeProvider.System"/>.</value></param>
    /// <returns>A new builder with the change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is null.</exception>
    public AlbLabBuilder WithTimeProvider(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return Merge(new() { TimeProvider = timeProvider });
    }

    /// <summary>Sets where the lab logs its steps (never user data or credentials).</summary>
    /// <param name="loggerFactory">The logger factory. <value>The default logs nothing.</value></param>
    /// <returns>A new builder with the change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="loggerFactory"/> is null.</exception>
    public AlbLabBuilder WithLoggerFactory(ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        return Merge(new() { LoggerFactory = loggerFactory });
    }

    /// <summary>
    /// Sends the lab's own HTTP traffic (<see cref="IAlbLab.VerifyTrafficAsync(TrafficOptions, CancellationToken)"/>, the failover drill) through this handler —
    /// e.g. LocalCloud's, which reaches emulated load balancers on loopback. The lab does not dispose it.
    /// </summary>
    /// <param name="handler">The handler. <value>The default is a plain <see cref="SocketsHttpHandler"/>.</value></param>
    /// <returns>A new builder with the change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is null.</exception>
    public AlbLabBuilder WithTrafficHandler(HttpMessageHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Merge(new() { TrafficHandler = handler });
    }

    /// <summary>Validates the description and returns the lab, not started: no AWS call, no credentials needed yet.</summary>
    /// <returns>The lab; <see cref="IAlbLab.StartAsync(IProgress{LabEvent}, CancellationToken)"/> creates it and <c>DisposeAsync</c> tears it down.</returns>
    /// <exception cref="AlbLabValidationException">Something is invalid; the exception lists every problem with its value and a fix.</exception>
    public IAlbLab Build() => new AlbLabResource(BuildDefinition(), CreateServices());

    /// <summary>Uses clients owned by someone else (a DI container), resolved only when the lab first needs them.</summary>
    internal AlbLabBuilder WithClients(LabClients clients) => Merge(new() { Clients = clients });

    /// <summary>
    /// Uses clients shared with other labs (a classroom's), made from this builder's own: any <see cref="WithRegion"/> went
    /// into them already, so it is dropped rather than reported as set next to clients.
    /// </summary>
    internal AlbLabBuilder WithSharedClients(LabClients clients) => new(_configuration with { Clients = clients, Region = null });

    /// <summary>Names the lab (a classroom names each of its labs after the class and the learner).</summary>
    internal AlbLabBuilder WithName(string name) => Merge(new() { Name = name });

    /// <summary>How often the labs poll (<see cref="WithPolling"/>, else the default); a classroom's shared polling sizes its window by it.</summary>
    internal TimeSpan ConfiguredPollInterval => _configuration.PollInterval ?? LabDefaults.PollInterval;

    /// <summary>The region set with <see cref="WithRegion"/>, if any (a classroom creates its own clients for it).</summary>
    internal RegionEndpoint? ConfiguredRegion => _configuration.Region;

    /// <summary>Adds tags under AlbBuilder's own <c>albbuilder:</c> prefix (a classroom's), which users may not set.</summary>
    internal AlbLabBuilder WithReservedTags(IEnumerable<KeyValuePair<string, string>> tags) => Merge(new() { ReservedTags = [.. tags] });

    /// <summary>The validated definition that <see cref="Build"/> hands to provisioning.</summary>
    internal AlbLabDefinition BuildDefinition()
    {
        if (_configuration.Name is null)
        {
            // Named per Build(), not per Create(): a builder used as a template must not make twins that adopt each other.
            return Merge(new() { Name = LabNames.Generate() }).BuildDefinition();
        }

        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new AlbLabValidationException(problems);
        }

        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in _configuration.Tags.Concat(_configuration.ReservedTags))
        {
            tags[key] = value;
        }

        return new AlbLabDefinition
        {
            Name = Name,
            InstanceCount = InstanceCount,
            InstanceType = InstanceType,
            ImageId = ImageId,
            UserData = UserDataScript,
            ListenerPort = ListenerPort,
            TargetPort = TargetPort,
            HealthCheck = HealthCheck,
            DeregistrationDelay = DeregistrationDelay,
            VpcId = _configuration.VpcId,
            SubnetIds = _configuration.SubnetIds ?? ImmutableArray<string>.Empty,
            Tags = tags.AsReadOnly(),
            Timeouts = Timeouts,
            CleanUp = _configuration.CleanUp ?? true,
            TimeToLive = _configuration.TimeToLive,
            PollInterval = _configuration.PollInterval ?? LabDefaults.PollInterval,
            DirectInstanceAccessCidr = _configuration.DirectInstanceAccessCidr,
            RunInstancesCustomizations = _configuration.RunInstancesCustomizations,
        };
    }

    /// <summary>Every problem with the description, in the order of the builder's methods.</summary>
    internal IReadOnlyList<LabValidationProblem> Validate()
    {
        var c = _configuration;
        var problems = new List<LabValidationProblem>();
        if (c.Name is { } name)
        {
            LabRules.CheckName(problems, "Create(name)", name);
        }

        LabRules.CheckInstanceCount(problems, nameof(WithInstances), InstanceCount);
        LabRules.CheckInstanceType(problems, nameof(WithInstanceType), InstanceType);
        LabRules.CheckImageId(problems, nameof(WithImage), ImageId);
        LabRules.CheckUserData(problems, nameof(WithUserData), UserDataScript);
        LabRules.CheckPort(problems, nameof(ListenOn), ListenerPort);
        LabRules.CheckPort(problems, nameof(WithTargetPort), TargetPort);
        LabRules.CheckHealthCheck(problems, nameof(WithHealthCheck), HealthCheck);
        LabRules.CheckDeregistrationDelay(problems, nameof(WithDeregistrationDelay), DeregistrationDelay);
        if (c.VpcId is { } vpcId)
        {
            LabRules.CheckVpcId(problems, nameof(InVpc), vpcId);
        }

        if (c.SubnetIds is { } subnetIds)
        {
            LabRules.CheckSubnetIds(problems, nameof(InSubnets), subnetIds);
        }

        LabRules.CheckTags(problems, nameof(WithTags), c.Tags, AlbLab.MaxUserTags - c.ReservedTags.Count);
        LabRules.CheckTimeouts(problems, nameof(WithTimeouts), Timeouts);
        if (c.TimeToLive is { } timeToLive)
        {
            LabRules.CheckPositive(problems, nameof(WithTimeToLive), timeToLive);
        }

        if (c.PollInterval is { } pollInterval)
        {
            LabRules.CheckPollInterval(problems, nameof(WithPolling), pollInterval);
        }

        if (c.DirectInstanceAccessCidr is { } cidr)
        {
            LabRules.CheckCidr(problems, nameof(WithDirectInstanceAccess), cidr);
        }

        if (c.Region is { } region && c.Clients is not null)
        {
            problems.Add(new(
                nameof(WithRegion),
                LabRules.Show(region.SystemName),
                "WithRegion only applies to the clients the lab creates; with WithAwsClients, set the region on your clients and drop WithRegion."));
        }

        return problems;
    }

    /// <summary>The clients (created lazily, so that building touches neither AWS nor credentials), clock and logging.</summary>
    internal LabServices CreateServices()
    {
        var c = _configuration;
        if (c.Clients is { } clients)
        {
            return new LabServices(clients.Ec2, clients.ElasticLoadBalancing, ownsClients: false, c.TimeProvider, c.LoggerFactory, c.TrafficHandler);
        }

        var region = c.Region;
        return new LabServices(
            () => new AmazonEC2Client(LabRegion.Resolve(region)),
            () => CreateDefaultElasticLoadBalancingClient(region),
            ownsClients: true,
            c.TimeProvider,
            c.LoggerFactory,
            c.TrafficHandler);
    }

    /// <summary>The ELBv2 client a lab (or <c>AddAlbBuilder</c>) creates when none is given; <see cref="LabRegion"/> when null.</summary>
    internal static AmazonElasticLoadBalancingV2Client CreateDefaultElasticLoadBalancingClient(RegionEndpoint? region) =>
        new(LabRegion.Resolve(region));

    private string Name => _configuration.Name ?? string.Empty;

    private int InstanceCount => _configuration.InstanceCount ?? LabDefaults.InstanceCount;

    private string InstanceType => _configuration.InstanceType ?? LabDefaults.InstanceType;

    private string ImageId => _configuration.ImageId ?? LabDefaults.ImageId;

    private string UserDataScript => _configuration.UserData ?? UserData.HelloHttpd();

    private int ListenerPort => _configuration.ListenerPort ?? LabDefaults.ListenerPort;

    private int TargetPort => _configuration.TargetPort ?? LabDefaults.TargetPort;

    private HealthCheckSettings HealthCheck => _configuration.HealthCheck ?? HealthCheckSettings.LabDefault;

    private TimeSpan DeregistrationDelay => _configuration.DeregistrationDelay ?? LabDefaults.DeregistrationDelay;

    private LabTimeouts Timeouts => _configuration.Timeouts ?? LabTimeouts.Default;

    private AlbLabBuilder Merge(AlbLabConfiguration change) => new(AlbLabConfiguration.Merge(_configuration, change));
}
