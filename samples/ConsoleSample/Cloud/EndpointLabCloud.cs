using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using AlbBuilder.Classroom;
using AlbBuilder.ElasticLoadBalancingV2;
using Amazon.EC2;
using Amazon.Runtime;
using Emulator = AlbBuilder.LocalCloud.LocalCloud;

namespace AlbBuilder.Sample.Cloud;

/// <summary>
/// A LocalCloud server in another process (<c>localcloud</c>, or any endpoint given by <c>--endpoint</c> /
/// <c>AWS_ENDPOINT_URL</c>): labs outlive the command, as on AWS, so <c>up</c>, <c>status</c>, <c>drill</c> and
/// <c>down</c> are separate runs. Traffic reaches the load balancer where the server says it answers.
/// </summary>
internal sealed class EndpointLabCloud : ILabCloud
{
    private readonly Uri _endpoint;
    private readonly HttpClient _server;
    private readonly HttpMessageHandler _traffic;

    private EndpointLabCloud(Uri endpoint, string region)
    {
        _endpoint = endpoint;
        var credentials = new BasicAWSCredentials(Emulator.AccessKeyId, Emulator.SecretAccessKey);
        Ec2 = new AmazonEC2Client(credentials, new AmazonEC2Config { ServiceURL = endpoint.ToString(), AuthenticationRegion = region });
        ElasticLoadBalancing = new AmazonElasticLoadBalancingV2Client(
            credentials, new AmazonElasticLoadBalancingV2Config { ServiceURL = endpoint.ToString(), AuthenticationRegion = region });
        _server = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(10) };
        _traffic = CreateTrafficHandler();
        Description = $"LocalCloud at {endpoint.GetLeftPart(UriPartial.Authority)} ({region})";
    }

    public bool IsLocal => false;

    public string Description { get; }

    public IAmazonEC2 Ec2 { get; }

    public IAmazonElasticLoadBalancingV2 ElasticLoadBalancing { get; }

    public TimeProvider LabClock => TimeProvider.System;

    /// <summary>AWS's rates at the server's default speed (50), which the polling below also assumes.</summary>
    public AwsRequestRates ClassroomRequestRates => AwsRequestRates.Default.Scaled(ServerSpeed);

    /// <summary>The server counts its calls, but in its own process.</summary>
    public ApiCallTally? ApiCalls => null;

    /// <summary>The LocalCloud server's default <c>--speed</c>.</summary>
    private const double ServerSpeed = 50;

    /// <summary>Connects to the endpoint; the region is <c>--region</c>, else AWS_REGION / AWS_DEFAULT_REGION, else us-east-1.</summary>
    public static EndpointLabCloud Create(Uri endpoint, string? region) =>
        new(endpoint, region
            ?? Environment.GetEnvironmentVariable("AWS_REGION")
            ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION")
            ?? "us-east-1");

    /// <summary>The server's clients and traffic handler; polling suits the sample's default speed (5 s / 50).</summary>
    public AlbLabBuilder Configure(AlbLabBuilder builder) =>
        builder.WithAwsClients(Ec2, ElasticLoadBalancing).WithTrafficHandler(_traffic).WithPolling(TimeSpan.FromMilliseconds(100));

    /// <summary>As on AWS: a shared endpoint may hold other labs, so only the lab's own tagged resources count.</summary>
    public async Task<string?> FindLeftoversAsync(string labName, CancellationToken cancellationToken)
    {
        var labs = await AlbLabDirectory.ListAsync(Ec2, ElasticLoadBalancing, cancellationToken);
        var lab = labs.FirstOrDefault(l => l.Name == labName);
        return lab is null ? null : string.Join(", ", lab.ResourceIds);
    }

    /// <summary>Where an AWS-style URL answers on this machine (the server maps a listener port it could not bind), or null.</summary>
    public async Task<Uri?> ResolveAsync(Uri awsUrl, CancellationToken cancellationToken)
    {
        using var response = await _server.GetAsync(
            new Uri($"_localcloud/resolve?url={Uri.EscapeDataString(awsUrl.ToString())}", UriKind.Relative), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var answer = await response.Content.ReadFromJsonAsync<ResolveAnswer>(cancellationToken);
        return answer?.Url is { } url ? new Uri(url) : null;
    }

    public async ValueTask DisposeAsync()
    {
        Ec2.Dispose();
        ElasticLoadBalancing.Dispose();
        _server.Dispose();
        _traffic.Dispose();
        await ValueTask.CompletedTask;
    }

    /// <summary>Connects each new connection where the server says the host:port answers; the Host header stays the DNS name.</summary>
    private SocketsHttpHandler CreateTrafficHandler() => new()
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromSeconds(5),
        ConnectCallback = async (context, cancellationToken) =>
        {
            var target = await ResolveAsync(new Uri($"http://{context.DnsEndPoint.Host}:{context.DnsEndPoint.Port}/"), cancellationToken)
                ?? throw new HttpRequestException(
                    HttpRequestError.ConnectionError, $"{Description}: nothing answers at {context.DnsEndPoint.Host}:{context.DnsEndPoint.Port}.");
            var address = IPAddress.TryParse(target.Host, out var ip) ? ip : IPAddress.Loopback; // *.localhost is loopback
            var socket = new Socket(System.Net.Sockets.AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, target.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    private sealed record ResolveAnswer(string? Url);
}
