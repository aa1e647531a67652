using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.LocalCloud.Tests.Cloud;
using Amazon.EC2;
using Elb = AlbBuilder.ElasticLoadBalancingV2.Model;

namespace AlbBuilder.LocalCloud.Tests.Elbv2;

public sealed class Elbv2LoadBalancerTests : IAsyncLifetime
{
    private LocalCloud _cloud = null!;
    private IAmazonEC2 _ec2 = null!;
    private IAmazonElasticLoadBalancingV2 _elb = null!;
    private List<string> _subnets = null!;

    public async Task InitializeAsync()
    {
        _cloud = await LocalCloud.StartAsync();
        _ec2 = _cloud.CreateEc2Client();
        _elb = _cloud.CreateElasticLoadBalancingV2Client();
        _subnets = [.. (await CloudHelpers.DefaultSubnetsAsync(_ec2)).Select(s => s.SubnetId)];
    }

    public async Task DisposeAsync()
    {
        _elb.Dispose();
        _ec2.Dispose();
        await _cloud.DisposeAsync();
    }

    private Task<Elb.CreateLoadBalancerResponse> CreateAsync(string name, params string[] subnets) =>
        _elb.CreateLoadBalancerAsync(new Elb.CreateLoadBalancerRequest
        {
            Name = name,
            Subnets = subnets.Length == 0 ? [_subnets[0], _subnets[1]] : [.. subnets],
            Tags = [new Elb.Tag { Key = "lab", Value = "t" }],
        });

    [Fact]
    public async Task CreateLoadBalancer_TwoZones_ProvisioningThenActiveWithAwsShapedNames()
    {
        var created = (await CreateAsync("my-alb")).LoadBalancers![0];

        Assert.Matches(@"^my-alb-\d{10}\.us-east-1\.elb\.localhost$", created.DNSName);
        Assert.Matches(@"^arn:aws:elasticloadbalancing:us-east-1:\d{12}:loadbalancer/app/my-alb/[0-9a-f]{16}$", created.LoadBalancerArn);
        Assert.Equal(LoadBalancerSchemeEnum.InternetFacing, created.Scheme);
        Assert.Equal(LoadBalancerTypeEnum.Application, created.Type);
        Assert.Equal(["us-east-1a", "us-east-1b"], created.AvailabilityZones!.Select(z => z.ZoneName));
        Assert.Single(created.SecurityGroups!); // the VPC default group when none is given
        var active = await Poll.UntilAsync(
            async () => (await _elb.DescribeLoadBalancersAsync(new Elb.DescribeLoadBalancersRequest { Names = ["my-alb"] })).LoadBalancers![0]!,
            lb => lb.State!.Code == LoadBalancerStateEnum.Active,
            "active");
        Assert.Equal(created.LoadBalancerArn, active.LoadBalancerArn);
    }

    [Fact]
    public async Task CreateLoadBalancer_OneSubnet_ValidationError()
    {
        var error = await Assert.ThrowsAsync<Elb.ValidationErrorException>(() => CreateAsync("one", _subnets[0]));

        Assert.Equal("ValidationError", error.ErrorCode);
        Assert.Equal("At least two subnets in two different Availability Zones must be specified", error.Message);
    }

    [Fact]
    public async Task CreateLoadBalancer_SameSubnetTwice_ValidationError()
    {
        // The same subnet twice is still one zone.
        var error = await Assert.ThrowsAsync<Elb.ValidationErrorException>(() => CreateAsync("same", _subnets[0], _subnets[0]));

        Assert.Equal("ValidationError", error.ErrorCode);
    }

    [Theory]
    [InlineData("-leading")]
    [InlineData("trailing-")]
    [InlineData("has_underscore")]
    [InlineData("internal-lb")]
    [InlineData("a-name-that-is-longer-than-32-chars")]
    public async Task CreateLoadBalancer_BadName_ValidationError(string name)
    {
        var error = await Assert.ThrowsAsync<Elb.ValidationErrorException>(() => CreateAsync(name));

        Assert.Equal("ValidationError", error.ErrorCode);
    }

    [Fact]
    public async Task CreateLoadBalancer_UnknownSubnet_SubnetNotFound()
    {
        var error = await Assert.ThrowsAsync<Elb.SubnetNotFoundException>(() => CreateAsync("nosubnet", _subnets[0], "subnet-0123456789abcdef0"));

        Assert.Equal("SubnetNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task CreateLoadBalancer_SameSettingsTwice_SameLoadBalancer_DifferentSettings_Duplicate()
    {
        var first = (await CreateAsync("idem")).LoadBalancers![0];
        var second = (await CreateAsync("idem")).LoadBalancers![0];

        var error = await Assert.ThrowsAsync<Elb.DuplicateLoadBalancerNameException>(() => CreateAsync("idem", _subnets[1], _subnets[2]));

        Assert.Equal(first.LoadBalancerArn, second.LoadBalancerArn);
        Assert.Equal("DuplicateLoadBalancerName", error.ErrorCode);
        Assert.Single(_cloud.GetInventory().LoadBalancers);
    }

    [Fact]
    public async Task DescribeLoadBalancers_UnknownNameOrArn_LoadBalancerNotFound()
    {
        var byName = await Assert.ThrowsAsync<Elb.LoadBalancerNotFoundException>(() =>
            _elb.DescribeLoadBalancersAsync(new Elb.DescribeLoadBalancersRequest { Names = ["missing"] }));
        var byArn = await Assert.ThrowsAsync<Elb.LoadBalancerNotFoundException>(() =>
            _elb.DescribeLoadBalancersAsync(new Elb.DescribeLoadBalancersRequest
            {
                LoadBalancerArns = ["arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/missing/0123456789abcdef"],
            }));

        Assert.Equal("LoadBalancerNotFound", byName.ErrorCode);
        Assert.Equal("LoadBalancerNotFound", byArn.ErrorCode);
    }

    [Fact]
    public async Task DescribeLoadBalancers_PageSize_MarkerWalksAllPages()
    {
        for (var i = 0; i < 5; i++)
        {
            await CreateAsync("page-" + i);
        }

        var names = new List<string>();
        string? marker = null;
        var pages = 0;
        do
        {
            var page = await _elb.DescribeLoadBalancersAsync(new Elb.DescribeLoadBalancersRequest { PageSize = 2, Marker = marker });
            names.AddRange(page.LoadBalancers!.Select(lb => lb.LoadBalancerName!).OfType<string>());
            marker = page.NextMarker;
            pages++;
        }
        while (marker is not null);

        Assert.Equal(3, pages);
        Assert.Equal(["page-0", "page-1", "page-2", "page-3", "page-4"], names.Order());
    }

    [Fact]
    public async Task LoadBalancerAttributes_ModifyThenDescribe_StoredAndReturned()
    {
        var arn = (await CreateAsync("attrs")).LoadBalancers![0].LoadBalancerArn;

        var modified = await _elb.ModifyLoadBalancerAttributesAsync(new Elb.ModifyLoadBalancerAttributesRequest
        {
            LoadBalancerArn = arn,
            Attributes = [new Elb.LoadBalancerAttribute { Key = "routing.http.drop_invalid_header_fields.enabled", Value = "true" }],
        });
        var described = await _elb.DescribeLoadBalancerAttributesAsync(new Elb.DescribeLoadBalancerAttributesRequest { LoadBalancerArn = arn });

        Assert.Contains(modified.Attributes!, a => a.Key == "routing.http.drop_invalid_header_fields.enabled" && a.Value == "true");
        var values = described.Attributes!.ToDictionary(a => a.Key!, a => a.Value);
        Assert.Equal("true", values["routing.http.drop_invalid_header_fields.enabled"]);
        Assert.Equal("false", values["deletion_protection.enabled"]);
        Assert.Equal("60", values["idle_timeout.timeout_seconds"]);
    }

    [Fact]
    public async Task ModifyLoadBalancerAttributes_UnknownKey_ValidationError()
    {
        var arn = (await CreateAsync("badattr")).LoadBalancers![0].LoadBalancerArn;

        var error = await Assert.ThrowsAsync<Elb.ValidationErrorException>(() => _elb.ModifyLoadBalancerAttributesAsync(new Elb.ModifyLoadBalancerAttributesRequest
        {
            LoadBalancerArn = arn,
            Attributes = [new Elb.LoadBalancerAttribute { Key = "no.such.key", Value = "1" }],
        }));

        Assert.Equal("ValidationError", error.ErrorCode);
    }

    [Fact]
    public async Task DeleteLoadBalancer_DeletionProtection_OperationNotPermitted()
    {
        var arn = (await CreateAsync("protected")).LoadBalancers![0].LoadBalancerArn;
        await _elb.ModifyLoadBalancerAttributesAsync(new Elb.ModifyLoadBalancerAttributesRequest
        {
            LoadBalancerArn = arn,
            Attributes = [new Elb.LoadBalancerAttribute { Key = "deletion_protection.enabled", Value = "true" }],
        });

        var error = await Assert.ThrowsAsync<Elb.OperationNotPermittedException>(() => _elb.DeleteLoadBalancerAsync(new Elb.DeleteLoadBalancerRequest { LoadBalancerArn = arn }));

        Assert.Equal("OperationNotPermitted", error.ErrorCode);
    }

    [Fact]
    public async Task DeleteLoadBalancer_ThenGone_AndDeletingAgainSucceeds()
    {
        var arn = (await CreateAsync("gone")).LoadBalancers![0].LoadBalancerArn!;

        await _elb.DeleteLoadBalancerAsync(new Elb.DeleteLoadBalancerRequest { LoadBalancerArn = arn });
        await Poll.UntilAsync(() => _cloud.GetInventory().LoadBalancers.Count == 0, "deleted");
        await _elb.DeleteLoadBalancerAsync(new Elb.DeleteLoadBalancerRequest { LoadBalancerArn = arn });

        await Assert.ThrowsAsync<Elb.LoadBalancerNotFoundException>(() =>
            _elb.DescribeLoadBalancersAsync(new Elb.DescribeLoadBalancersRequest { LoadBalancerArns = [arn] }));
    }

    [Fact]
    public async Task Tags_OnCreateAddRemoveDescribe()
    {
        var arn = (await CreateAsync("tagged")).LoadBalancers![0].LoadBalancerArn!;

        await _elb.AddTagsAsync(new Elb.AddTagsRequest { ResourceArns = [arn], Tags = [new Elb.Tag { Key = "owner", Value = "me" }] });
        await _elb.RemoveTagsAsync(new Elb.RemoveTagsRequest { ResourceArns = [arn], TagKeys = ["lab"] });
        var described = await _elb.DescribeTagsAsync(new Elb.DescribeTagsRequest { ResourceArns = [arn] });

        var description = Assert.Single(described.TagDescriptions!);
        Assert.Equal(arn, description.ResourceArn);
        var tag = Assert.Single(description.Tags!);
        Assert.Equal(("owner", "me"), (tag.Key, tag.Value));
    }

    [Fact]
    public async Task DescribeTags_UnknownLoadBalancer_LoadBalancerNotFound()
    {
        var error = await Assert.ThrowsAsync<Elb.LoadBalancerNotFoundException>(() => _elb.DescribeTagsAsync(new Elb.DescribeTagsRequest
        {
            ResourceArns = ["arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/x/0123456789abcdef"],
        }));

        Assert.Equal("LoadBalancerNotFound", error.ErrorCode);
    }
}
