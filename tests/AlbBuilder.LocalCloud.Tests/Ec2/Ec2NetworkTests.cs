using AlbBuilder.LocalCloud.Tests.Cloud;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace AlbBuilder.LocalCloud.Tests.Ec2;

public sealed class Ec2NetworkTests : IAsyncLifetime
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
    public async Task DescribeVpcs_DefaultCloud_HasOneDefaultVpc()
    {
        var response = await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest());

        var vpc = Assert.Single(response.Vpcs);
        Assert.True(vpc.IsDefault);
        Assert.Equal("172.31.0.0/16", vpc.CidrBlock);
        Assert.StartsWith("vpc-", vpc.VpcId, StringComparison.Ordinal);
        Assert.Equal(VpcState.Available, vpc.State);
    }

    [Fact]
    public async Task DescribeVpcs_UnknownId_InvalidVpcIdNotFound()
    {
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = ["vpc-0123456789abcdef0"] }));

        Assert.Equal("InvalidVpcID.NotFound", error.ErrorCode);
    }

    [Fact]
    public async Task DescribeSubnets_DefaultForAz_OnePerZoneInsideTheVpc()
    {
        var vpcId = await CloudHelpers.DefaultVpcIdAsync(_ec2);

        var subnets = await CloudHelpers.DefaultSubnetsAsync(_ec2);

        Assert.Equal(["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f"], subnets.Select(s => s.AvailabilityZone));
        Assert.All(subnets, s => Assert.Equal(vpcId, s.VpcId));
        Assert.All(subnets, s => Assert.True(s.DefaultForAz));
        Assert.Equal(["172.31.0.0/20", "172.31.16.0/20", "172.31.32.0/20", "172.31.48.0/20", "172.31.64.0/20", "172.31.80.0/20"], subnets.Select(s => s.CidrBlock));
    }

    [Fact]
    public async Task DescribeSubnets_FilterByZone_ReturnsThatZoneOnly()
    {
        var response = await _ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest
        {
            Filters = [new Filter("availability-zone", ["us-east-1b"])],
        });

        Assert.Equal("us-east-1b", Assert.Single(response.Subnets).AvailabilityZone);
    }

    [Fact]
    public async Task DescribeSubnets_UnknownFilter_InvalidParameterValue()
    {
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new Filter("no-such-filter", ["x"])] }));

        Assert.Equal("InvalidParameterValue", error.ErrorCode);
    }

    [Fact]
    public async Task DescribeAvailabilityZones_UsEast1_SixZonesOfTheRegion()
    {
        var response = await _ec2.DescribeAvailabilityZonesAsync(new DescribeAvailabilityZonesRequest());

        Assert.Equal(["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f"], response.AvailabilityZones.Select(z => z.ZoneName));
        Assert.All(response.AvailabilityZones, z => Assert.Equal(AvailabilityZoneState.Available, z.State));
        Assert.All(response.AvailabilityZones, z => Assert.Equal("us-east-1", z.RegionName));
    }

    [Fact]
    public async Task DescribeImages_Al2023_FixedFakeImage()
    {
        var response = await _ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["amazon"] });

        var image = Assert.Single(response.Images);
        Assert.StartsWith("ami-", image.ImageId, StringComparison.Ordinal);
        Assert.StartsWith("al2023-ami-", image.Name, StringComparison.Ordinal);
        Assert.Equal(ArchitectureValues.X86_64, image.Architecture);
    }

    [Fact]
    public async Task DescribeImages_UnknownImage_InvalidAmiIdNotFound()
    {
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = ["ami-0000000000000dead"] }));

        Assert.Equal("InvalidAMIID.NotFound", error.ErrorCode);
    }

    [Fact]
    public async Task OtherRegion_ZonesAndDnsFollowTheRegion()
    {
        await using var cloud = await LocalCloud.StartAsync(new LocalCloudOptions { Region = "eu-west-2" });
        using var ec2 = cloud.CreateEc2Client();

        var zones = await ec2.DescribeAvailabilityZonesAsync(new DescribeAvailabilityZonesRequest());
        var instance = (await CloudHelpers.RunAsync(ec2, 1))[0];

        Assert.Equal(["eu-west-2a", "eu-west-2b", "eu-west-2c"], zones.AvailabilityZones.Select(z => z.ZoneName));
        Assert.EndsWith(".eu-west-2.compute.internal", instance.PrivateDnsName, StringComparison.Ordinal);
    }
}
