using Amazon.EC2;
using Amazon.EC2.Model;

namespace AlbBuilder.LocalCloud.Tests.Ec2;

/// <summary>DescribeInstanceTypes tells the vCPUs the On-Demand vCPU quota counts; an unknown type fails the whole call.</summary>
public sealed class InstanceTypeTests : IAsyncLifetime
{
    private LocalCloud _cloud = null!;
    private IAmazonEC2 _ec2 = null!;

    public async Task InitializeAsync()
    {
        _cloud = await LocalCloud.StartAsync();
        _ec2 = _cloud.CreateEc2Client();
    }

    public async Task DisposeAsync()
    {
        _ec2.Dispose();
        await _cloud.DisposeAsync();
    }

    [Fact]
    public async Task NamedTypes_ReturnTheirDefaultVcpus()
    {
        var response = await _ec2.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest { InstanceTypes = ["t3.micro", "t2.micro"] });

        var vcpus = response.InstanceTypes.ToDictionary(t => t.InstanceType.Value, t => t.VCpuInfo.DefaultVCpus);
        Assert.Equal(2, vcpus["t3.micro"]);
        Assert.Equal(1, vcpus["t2.micro"]);
    }

    [Fact]
    public async Task UnknownType_FailsNamingIt()
    {
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _ec2.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest { InstanceTypes = ["t3.micro", "zz9.plural"] }));

        Assert.Equal("InvalidInstanceType", error.ErrorCode);
        Assert.Contains("zz9.plural", error.Message, StringComparison.Ordinal);
    }
}
