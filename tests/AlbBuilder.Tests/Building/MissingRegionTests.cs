using System.Net;
using System.Net.Sockets;
using AlbBuilder.Building;
using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.Provisioning;
using AlbBuilder.Testing;
using Amazon;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Microsoft.Extensions.DependencyInjection;

namespace AlbBuilder.Tests.Building;

/// <summary>
/// A start with no region anywhere (the classic "forgot WithLocalCloud") fails at once, names the fixes, and never
/// knocks on the instance-metadata address, which the test points at a loopback listener of its own.
/// </summary>
[Collection(EnvironmentVariableCollection.Name)]
public sealed class MissingRegionTests : IDisposable
{
    private readonly TcpListener _metadata = new(IPAddress.Loopback, 0);
    private readonly string _nowhere = Path.Combine(Path.GetTempPath(), "albbuilder-no-aws-" + Guid.NewGuid().ToString("N"));
    private readonly EnvironmentScope _environment;

    public MissingRegionTests()
    {
        _metadata.Start();
        _environment = new EnvironmentScope(
            ("AWS_REGION", null),
            ("AWS_DEFAULT_REGION", null),
            ("AWS_PROFILE", null),
            ("AWS_CONFIG_FILE", Path.Combine(_nowhere, "config")),
            ("AWS_SHARED_CREDENTIALS_FILE", Path.Combine(_nowhere, "credentials")),
            ("AWS_ACCESS_KEY_ID", null),
            ("AWS_SECRET_ACCESS_KEY", null),
            ("AWS_SESSION_TOKEN", null),
            ("AWS_EC2_METADATA_DISABLED", null),
            ("AWS_EC2_METADATA_SERVICE_ENDPOINT", $"http://127.0.0.1:{((IPEndPoint)_metadata.LocalEndpoint).Port}"));
    }

    [Fact]
    public async Task StartAsync_NoRegionAnywhere_NamesTheThreeFixes_InCleanSentences_WithoutProbingInstanceMetadata()
    {
        await using var lab = AlbLab.Create("forgot").Build();

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        Assert.Equal(LabStep.CreateClients, ex.Step);
        Assert.IsType<LabRegionMissingException>(ex.InnerException);
        Assert.Contains("WithRegion", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AWS_REGION", ex.Message, StringComparison.Ordinal);
        Assert.Contains("WithLocalCloud", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("credentials", ex.Message, StringComparison.OrdinalIgnoreCase);
        AssertCleanPunctuation(ex.Message);
        Assert.Equal(LabState.Failed, lab.State);
        Assert.False(_metadata.Pending(), "a connection reached the instance-metadata address");
    }

    [Fact]
    public void Container_DefaultClients_NoRegionAnywhere_FailFastWithoutProbingInstanceMetadata()
    {
        using var provider = new ServiceCollection().AddAlbBuilder().Services.BuildServiceProvider();

        Assert.Throws<LabRegionMissingException>(() => provider.GetRequiredService<IAmazonEC2>());
        Assert.Throws<LabRegionMissingException>(() => provider.GetRequiredService<IAmazonElasticLoadBalancingV2>());
        Assert.False(_metadata.Pending(), "a connection reached the instance-metadata address");
    }

    [Theory]
    [InlineData("AWS_REGION")]
    [InlineData("AWS_DEFAULT_REGION")]
    public void Resolve_RegionFromTheEnvironment_IsUsed(string variable)
    {
        using var region = new EnvironmentScope((variable, "eu-north-1"));

        Assert.Equal(RegionEndpoint.EUNorth1, LabRegion.Resolve(null));
    }

    [Fact]
    public void Resolve_RegionFromTheSharedConfigProfile_IsUsed()
    {
        // An explicit file: the SDK remembers its default file paths per process, so the environment can't redirect them here.
        Directory.CreateDirectory(_nowhere);
        var credentials = Path.Combine(_nowhere, "credentials");
        File.WriteAllText(credentials, "[lab]\nregion = ap-northeast-3\n");
        using var profile = new EnvironmentScope(("AWS_PROFILE", "lab"));

        Assert.Equal(RegionEndpoint.APNortheast3, LabRegion.Resolve(null, new SharedCredentialsFile(credentials)));
    }

    [Fact]
    public void Resolve_BuilderRegion_WinsOverTheEnvironment()
    {
        using var region = new EnvironmentScope(("AWS_REGION", "eu-north-1"));

        Assert.Equal(RegionEndpoint.SAEast1, LabRegion.Resolve(RegionEndpoint.SAEast1));
    }

    [Theory]
    [InlineData("Failed to resolve AWS credentials")]
    [InlineData("Failed to resolve AWS credentials.")]
    [InlineData("Failed to resolve AWS credentials. ")]
    public void Describe_OtherFailures_KeepCredentialAdvice_WithExactlyOneFullStop(string sdkMessage)
    {
        var message = LabClientFailure.Describe("demo", new AmazonClientException(sdkMessage));

        Assert.Contains("Failed to resolve AWS credentials. Nothing had been created.", message, StringComparison.Ordinal);
        Assert.Contains("WithAwsClients", message, StringComparison.Ordinal);
        AssertCleanPunctuation(message);
    }

    public void Dispose()
    {
        _environment.Dispose();
        _metadata.Stop();
        if (Directory.Exists(_nowhere))
        {
            Directory.Delete(_nowhere, recursive: true);
        }
    }

    private static void AssertCleanPunctuation(string message)
    {
        Assert.DoesNotContain("..", message, StringComparison.Ordinal);
        Assert.DoesNotContain(" .", message, StringComparison.Ordinal);
        Assert.DoesNotContain(".,", message, StringComparison.Ordinal);
        Assert.DoesNotContain("  ", message, StringComparison.Ordinal);
        Assert.EndsWith(".", message, StringComparison.Ordinal);
        Assert.Matches(@"^([^.]+\.( |$))+$", message.Replace("RegionEndpoint.EUWest1", "RegionEndpoint", StringComparison.Ordinal));
    }
}
