using AlbBuilder.LocalCloud.Tests.Cloud;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace AlbBuilder.LocalCloud.Tests.Ec2;

/// <summary>us-east-1 has six zones, and us-east-1e offers no t3 type: DescribeInstanceTypeOfferings and RunInstances agree.</summary>
public sealed class InstanceTypeOfferingTests : IAsyncLifetime
{
    private static readonly string[] _usEast1 = ["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f"];

    private LocalCloud _cloud = null!;
    private IAmazonEC2 _ec2 = null!;

    public async Task InitializeAsync()
    {
        _cloud = await LocalCloud.StartAsync(new LocalCloudOptions { Region = "us-east-1" });
        _ec2 = _cloud.CreateEc2Client();
    }

    public async Task DisposeAsync()
    {
        _ec2.Dispose();
        await _cloud.DisposeAsync();
    }

    [Fact]
    public async Task UsEast1_HasSixZonesWithADefaultSubnetEach()
    {
        var zones = await _ec2.DescribeAvailabilityZonesAsync(new DescribeAvailabilityZonesRequest());
        var subnets = await CloudHelpers.DefaultSubnetsAsync(_ec2);

        Assert.Equal(_usEast1, zones.AvailabilityZones.Select(z => z.ZoneName));
        Assert.Equal(["use1-az1", "use1-az2", "use1-az3", "use1-az4", "use1-az5", "use1-az6"], zones.AvailabilityZones.Select(z => z.ZoneId));
        Assert.Equal(_usEast1, subnets.Select(s => s.AvailabilityZone));
    }

    [Fact]
    public async Task ByZone_T3Micro_OfferedEverywhereButUsEast1e()
    {
        var response = await _ec2.DescribeInstanceTypeOfferingsAsync(new DescribeInstanceTypeOfferingsRequest
        {
            LocationType = LocationType.AvailabilityZone,
            Filters = [new Filter("instance-type", ["t3.micro"])],
        });

        Assert.Equal(["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1f"], response.InstanceTypeOfferings.Select(o => o.Location));
        Assert.All(response.InstanceTypeOfferings, o => Assert.Equal(InstanceType.T3Micro, o.InstanceType));
        Assert.All(response.InstanceTypeOfferings, o => Assert.Equal(LocationType.AvailabilityZone, o.LocationType));
        Assert.Null(response.NextToken);
    }

    [Fact]
    public async Task ByZone_LocationFilter_ListsWhatThatZoneOffers()
    {
        var response = await _ec2.DescribeInstanceTypeOfferingsAsync(new DescribeInstanceTypeOfferingsRequest
        {
            LocationType = LocationType.AvailabilityZone,
            Filters = [new Filter("location", ["us-east-1e"]), new Filter("instance-type", ["t3.micro", "t2.micro", "m5.large"])],
        });

        Assert.Equal(["m5.large", "t2.micro"], response.InstanceTypeOfferings.Select(o => o.InstanceType.Value));
    }

    [Fact]
    public async Task ByRegion_OneOfferingPerType()
    {
        var response = await _ec2.DescribeInstanceTypeOfferingsAsync(new DescribeInstanceTypeOfferingsRequest
        {
            Filters = [new Filter("instance-type", ["t3.micro"])],
        });

        var offering = Assert.Single(response.InstanceTypeOfferings);
        Assert.Equal("us-east-1", offering.Location);
        Assert.Equal(LocationType.Region, offering.LocationType);
    }

    [Fact]
    public async Task MaxResults_PagesWithNextToken()
    {
        var request = new DescribeInstanceTypeOfferingsRequest
        {
            LocationType = LocationType.AvailabilityZone,
            Filters = [new Filter("instance-type", ["t3.micro", "t2.micro"])],
            MaxResults = 5,
        };

        var first = await _ec2.DescribeInstanceTypeOfferingsAsync(request);
        request.NextToken = first.NextToken;
        var second = await _ec2.DescribeInstanceTypeOfferingsAsync(request);
        request.NextToken = second.NextToken;
        var third = await _ec2.DescribeInstanceTypeOfferingsAsync(request);

        // 11 offerings: t2.micro in six zones, t3.micro in five.
        Assert.Equal([5, 5, 1], new[] { first, second, third }.Select(r => r.InstanceTypeOfferings.Count));
        Assert.NotNull(second.NextToken);
        Assert.Null(third.NextToken);
        Assert.Equal(11, first.InstanceTypeOfferings.Concat(second.InstanceTypeOfferings).Concat(third.InstanceTypeOfferings).Select(o => (o.InstanceType.Value, o.Location)).Distinct().Count());
    }

    [Fact]
    public async Task UnknownFilter_InvalidParameterValue()
    {
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DescribeInstanceTypeOfferingsAsync(new DescribeInstanceTypeOfferingsRequest
        {
            Filters = [new Filter("no-such-filter", ["x"])],
        }));

        Assert.Equal("InvalidParameterValue", error.ErrorCode);
    }

    [Fact]
    public async Task RunInstances_T3MicroInUsEast1e_UnsupportedAndNothingLaunched()
    {
        var subnet = (await CloudHelpers.DefaultSubnetsAsync(_ec2)).Single(s => s.AvailabilityZone == "us-east-1e");

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
            InstanceType = InstanceType.T3Micro,
            MinCount = 1,
            MaxCount = 1,
            SubnetId = subnet.SubnetId,
        }));

        Assert.Equal("Unsupported", error.ErrorCode);
        Assert.Equal(
            "Your requested instance type (t3.micro) is not supported in your requested Availability Zone (us-east-1e). " +
            "Please retry your request by not specifying an Availability Zone or choosing us-east-1a, us-east-1b, us-east-1c, us-east-1d, us-east-1f.",
            error.Message);
        Assert.Empty((await _ec2.DescribeInstancesAsync(new DescribeInstancesRequest())).Reservations ?? []);
    }

    [Fact]
    public async Task RunInstances_T2MicroInUsEast1e_Launches()
    {
        var response = await _ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
            InstanceType = InstanceType.T2Micro,
            MinCount = 1,
            MaxCount = 1,
            Placement = new Placement { AvailabilityZone = "us-east-1e" },
        });

        Assert.Equal("us-east-1e", Assert.Single(response.Reservation.Instances).Placement.AvailabilityZone);
    }
}
