using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace AlbBuilder.LocalCloud;

/// <summary>Options for <see cref="LocalCloud.StartAsync(LocalCloudOptions?, CancellationToken)"/>.</summary>
public sealed class LocalCloudOptions
{
    /// <summary>Gets or sets the emulated region.</summary>
    /// <value>The default value is <c>us-east-1</c>.</value>
    public string Region { get; set; } = "us-east-1";

    /// <summary>Gets or sets how long life cycles take.</summary>
    /// <value>The default value is <see cref="LatencyProfile.Instant"/>.</value>
    public LatencyProfile LatencyProfile { get; set; } = LatencyProfile.Instant;

    /// <summary>
    /// Gets or sets a value indicating whether requests must carry a valid SigV4 signature made with
    /// <see cref="LocalCloud.Credentials"/>, scoped to <see cref="Region"/> and the service, and dated within 5 minutes
    /// of <see cref="TimeProvider"/>'s clock, as AWS checks them.
    /// </summary>
    /// <value>The default value is <see langword="true"/>; <see langword="false"/> accepts any or no signature.</value>
    public bool VerifySignatures { get; set; } = true;

    /// <summary>Gets or sets the account's On-Demand vCPU quota: the vCPUs its pending and running instances may use together.</summary>
    /// <value>The default value is 1152, AWS's default for Running On-Demand Standard instances; beyond it RunInstances answers <c>VcpuLimitExceeded</c>.</value>
    public int OnDemandVcpuLimit { get; set; } = Quotas.AccountQuotas.DefaultOnDemandVcpus;

    /// <summary>Gets or sets the rules a security group may hold inbound, and apart from them outbound.</summary>
    /// <value>The default value is 60, AWS's default; beyond it an authorize call answers <c>RulesPerSecurityGroupLimitExceeded</c>.</value>
    public int RulesPerSecurityGroupLimit { get; set; } = Quotas.AccountQuotas.DefaultRulesPerSecurityGroup;

    /// <summary>Gets or sets the clock that drives every life-cycle timer.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets the logger factory for the emulator's diagnostics.</summary>
    /// <value>The default value is <see langword="null"/> (no logging).</value>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Gets or sets the 127.0.0.1 port of the control plane (both services' endpoint).</summary>
    /// <value>The default value is 0: a free port. The <c>localcloud</c> server uses 4580.</value>
    public int Port { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the data plane listens where a browser or curl can reach it by the
    /// addresses the APIs return: each listener's front door on 127.0.0.1:&lt;listener port&gt; (a free port when
    /// that one cannot be bound; <see cref="LocalCloud.GetUrls"/> says which), and each instance's web server also on
    /// its public address (127.0.100.x), port 80, when that can be bound.
    /// </summary>
    /// <value>The default value is <see langword="false"/> (free loopback ports only; reach them through
    /// <see cref="LocalCloud.CreateHttpMessageHandler"/>), so tests running side by side never compete for port 80.</value>
    public bool PublishDataPlane { get; set; }

    // Fidelity (user data, issue 12): LocalCloud never runs user data; this gives instances their own behaviour.

    /// <summary>
    /// Gets or sets what each instance's web server does before the seed page: LocalCloud does not run user data, so
    /// every instance serves the seed's page (<c>/</c> and <c>/index.html</c>, 404 elsewhere) unless this adds to its
    /// ASP.NET Core request pipeline, for example a <c>/health</c> endpoint that fails:
    /// <c>(instance, app) =&gt; app.Map("/health", h =&gt; h.Run(c =&gt; { c.Response.StatusCode = 503; return Task.CompletedTask; }))</c>.
    /// Requests the pipeline does not answer fall through to the seed page. Called once per start of an instance's
    /// web server (again after a stop and start), on the data plane's thread: keep it quick.
    /// </summary>
    /// <value>The default value is <see langword="null"/> (the seed page only).</value>
    public Action<LocalInstanceInfo, IApplicationBuilder>? ConfigureInstance { get; set; }

    // Request throttling and account limits (issue 15: a classroom of labs within AWS's rate limits and quotas).

    /// <summary>
    /// Gets or sets how API requests are throttled: <see cref="LocalCloudThrottling.Aws"/> (AWS's published token buckets,
    /// refills scaled by the latency profile: nothing is throttled on <see cref="LatencyProfile.Instant"/>),
    /// <see cref="LocalCloudThrottling.Off"/>, or <see cref="LocalCloudThrottling.Fixed"/> small buckets for a test.
    /// Throttled calls are counted in <see cref="LocalCloudCalls.Throttled"/>.
    /// </summary>
    /// <value>The default value is <see cref="LocalCloudThrottling.Aws"/>.</value>
    public LocalCloudThrottling Throttling { get; set; } = LocalCloudThrottling.Aws;

    /// <summary>Gets or sets the Application Load Balancers the account may hold (DescribeAccountLimits' <c>application-load-balancers</c>).</summary>
    /// <value>The default value is 50, AWS's default; beyond it CreateLoadBalancer answers <c>TooManyLoadBalancers</c>.</value>
    public int LoadBalancerLimit { get; set; } = Quotas.AccountQuotas.DefaultLoadBalancers;

    /// <summary>Gets or sets the target groups the account may hold (DescribeAccountLimits' <c>target-groups</c>).</summary>
    /// <value>The default value is 3000, AWS's default; beyond it CreateTargetGroup answers <c>TooManyTargetGroups</c>.</value>
    public int TargetGroupLimit { get; set; } = Quotas.AccountQuotas.DefaultTargetGroups;

    /// <summary>Gets or sets the security groups the account may hold in the Region, its default group included.</summary>
    /// <value>The default value is 2500, AWS's "VPC security groups per Region"; beyond it CreateSecurityGroup answers <c>SecurityGroupLimitExceeded</c>.</value>
    public int SecurityGroupLimit { get; set; } = Quotas.AccountQuotas.DefaultSecurityGroups;
}
