using System.Text;
using AlbBuilder.LocalCloud.Tests.Cloud;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace AlbBuilder.LocalCloud.Tests.Ec2;

public sealed class Ec2InstanceTests : IAsyncLifetime
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
    public async Task RunInstances_FullRequest_InstancesCarryEverySetting()
    {
        var subnets = await CloudHelpers.DefaultSubnetsAsync(_ec2);
        var group = await CloudHelpers.CreateGroupAsync(_ec2, "web");
        var userData = Convert.ToBase64String(Encoding.UTF8.GetBytes("#!/bin/bash\nyum install -y httpd\n"));

        var response = await _ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = CloudHelpers.Al2023,
            MinCount = 2,
            MaxCount = 2,
            InstanceType = InstanceType.T3Micro,
            SubnetId = subnets[1].SubnetId,
            SecurityGroupIds = [group],
            UserData = userData,
            MetadataOptions = new InstanceMetadataOptionsRequest { HttpTokens = HttpTokensState.Required },
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Instance, Tags = [new Tag("Name", "web"), new Tag("lab", "x")] }],
        });

        Assert.StartsWith("r-", response.Reservation.ReservationId, StringComparison.Ordinal);
        Assert.Equal(2, response.Reservation.Instances.Count);
        foreach (var instance in response.Reservation.Instances)
        {
            Assert.Equal(InstanceStateName.Pending, instance.State.Name);
            Assert.Equal(0, instance.State.Code);
            Assert.Equal(subnets[1].SubnetId, instance.SubnetId);
            Assert.Equal("us-east-1b", instance.Placement.AvailabilityZone);
            Assert.StartsWith("172.31.16.", instance.PrivateIpAddress, StringComparison.Ordinal);
            Assert.Equal($"ip-{instance.PrivateIpAddress.Replace('.', '-')}.us-east-1.compute.internal", instance.PrivateDnsName);
            Assert.StartsWith("127.0.", instance.PublicIpAddress, StringComparison.Ordinal);
            Assert.Equal(group, Assert.Single(instance.SecurityGroups).GroupId);
            Assert.Equal(InstanceType.T3Micro, instance.InstanceType);
            Assert.Equal(HttpTokensState.Required, instance.MetadataOptions.HttpTokens);
            Assert.Equal("web", instance.Tags.Single(t => t.Key == "Name").Value);
            Assert.StartsWith("ami-", instance.ImageId, StringComparison.Ordinal);
        }

        Assert.NotEqual(response.Reservation.Instances[0].PrivateIpAddress, response.Reservation.Instances[1].PrivateIpAddress);
    }

    [Fact]
    public async Task RunInstances_Pending_BecomesRunning()
    {
        var instance = (await CloudHelpers.RunAsync(_ec2, 1))[0];

        var running = await CloudHelpers.WaitForStateAsync(_ec2, instance.InstanceId, "running");

        Assert.Equal(16, running.State.Code);
    }

    [Fact]
    public async Task RunInstances_UserDataOver16KiB_InvalidParameterValue()
    {
        var tooBig = Convert.ToBase64String(new byte[(16 * 1024) + 1]);

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = CloudHelpers.Al2023,
            MinCount = 1,
            MaxCount = 1,
            UserData = tooBig,
        }));

        Assert.Equal("InvalidParameterValue", error.ErrorCode);
        Assert.Empty(_cloud.GetInventory().Instances);
    }

    [Fact]
    public async Task RunInstances_UserDataExactly16KiB_Accepted()
    {
        var response = await _ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = CloudHelpers.Al2023,
            MinCount = 1,
            MaxCount = 1,
            UserData = Convert.ToBase64String(new byte[16 * 1024]),
        });

        Assert.Single(response.Reservation.Instances);
    }

    [Fact]
    public async Task RunInstances_NotBase64UserData_InvalidParameterValue()
    {
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = CloudHelpers.Al2023,
            MinCount = 1,
            MaxCount = 1,
            UserData = "#!/bin/bash not encoded",
        }));

        Assert.Equal("InvalidParameterValue", error.ErrorCode);
    }

    [Fact]
    public async Task RunInstances_SameClientToken_SameReservation()
    {
        var request = new RunInstancesRequest { ImageId = CloudHelpers.Al2023, MinCount = 2, MaxCount = 2, ClientToken = "token-1" };

        var first = await _ec2.RunInstancesAsync(request);
        var second = await _ec2.RunInstancesAsync(request);

        Assert.Equal(first.Reservation.ReservationId, second.Reservation.ReservationId);
        Assert.Equal(first.Reservation.Instances.Select(i => i.InstanceId), second.Reservation.Instances.Select(i => i.InstanceId));
        Assert.Equal(2, _cloud.GetInventory().Instances.Count);
    }

    [Fact]
    public async Task RunInstances_UnknownSubnetOrGroupOrImage_NotFound()
    {
        var subnet = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = CloudHelpers.Al2023,
            MinCount = 1,
            MaxCount = 1,
            SubnetId = "subnet-0123456789abcdef0",
        }));
        var group = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = CloudHelpers.Al2023,
            MinCount = 1,
            MaxCount = 1,
            SecurityGroupIds = ["sg-0123456789abcdef0"],
        }));
        var image = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "ami-0123456789abcdef0",
            MinCount = 1,
            MaxCount = 1,
        }));

        Assert.Equal("InvalidSubnetID.NotFound", subnet.ErrorCode);
        Assert.Equal("InvalidGroup.NotFound", group.ErrorCode);
        Assert.Equal("InvalidAMIID.NotFound", image.ErrorCode);
    }

    [Fact]
    public async Task DescribeInstances_UnknownOrMalformedId_NotFoundOrMalformed()
    {
        var notFound = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ["i-0123456789abcdef0"] }));
        var malformed = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ["instance-1"] }));

        Assert.Equal("InvalidInstanceID.NotFound", notFound.ErrorCode);
        Assert.Equal("InvalidInstanceID.Malformed", malformed.ErrorCode);
    }

    [Fact]
    public async Task DescribeInstances_Filters_TagStateAndVpc()
    {
        var tagged = await _ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = CloudHelpers.Al2023,
            MinCount = 1,
            MaxCount = 1,
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Instance, Tags = [new Tag("lab", "a")] }],
        });
        await CloudHelpers.RunAsync(_ec2, 2);
        var id = tagged.Reservation.Instances[0].InstanceId;
        await CloudHelpers.WaitForStateAsync(_ec2, id, "running");
        var vpcId = await CloudHelpers.DefaultVpcIdAsync(_ec2);

        async Task<List<string>> Ids(params Filter[] filters) =>
            [.. ((await _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = [.. filters] })).Reservations ?? []).SelectMany(r => r.Instances).Select(i => i.InstanceId)];

        Assert.Equal([id], await Ids(new Filter("tag:lab", ["a"])));
        Assert.Equal([id], await Ids(new Filter("tag-key", ["lab"]), new Filter("instance-state-name", ["running"])));
        Assert.Empty(await Ids(new Filter("tag:lab", ["b"])));
        Assert.Equal(3, (await Ids(new Filter("vpc-id", [vpcId]))).Count);
        Assert.Empty(await Ids(new Filter("vpc-id", ["vpc-0123456789abcdef0"])));
    }

    [Fact]
    public async Task DescribeInstances_MaxResults_PagesThroughEveryInstance()
    {
        await CloudHelpers.RunAsync(_ec2, 4);
        await CloudHelpers.RunAsync(_ec2, 3);

        var seen = new List<string>();
        var pages = 0;
        string? token = null;
        do
        {
            var page = await _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { MaxResults = 5, NextToken = token });
            seen.AddRange(page.Reservations.SelectMany(r => r.Instances).Select(i => i.InstanceId));
            token = page.NextToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(2, pages);
        Assert.Equal(7, seen.Distinct().Count());
        Assert.Equal(7, seen.Count);
    }

    [Fact]
    public async Task DescribeInstances_Paginator_VisitsEveryInstance()
    {
        await CloudHelpers.RunAsync(_ec2, 6);

        var ids = new List<string>();
        await foreach (var reservation in _ec2.Paginators.DescribeInstances(new DescribeInstancesRequest { MaxResults = 5 }).Reservations)
        {
            ids.AddRange(reservation.Instances.Select(i => i.InstanceId));
        }

        Assert.Equal(6, ids.Distinct().Count());
    }

    [Fact]
    public async Task StopStartTerminate_StateTransitions()
    {
        var id = (await CloudHelpers.RunAsync(_ec2, 1))[0].InstanceId;
        var first = await CloudHelpers.WaitForStateAsync(_ec2, id, "running");

        var stop = await _ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [id] });
        Assert.Equal(InstanceStateName.Running, stop.StoppingInstances[0].PreviousState.Name);
        Assert.Equal(InstanceStateName.Stopping, stop.StoppingInstances[0].CurrentState.Name);
        var stoppedInstance = await CloudHelpers.WaitForStateAsync(_ec2, id, "stopped");
        Assert.Null(stoppedInstance.PublicIpAddress);

        var start = await _ec2.StartInstancesAsync(new StartInstancesRequest { InstanceIds = [id] });
        Assert.Equal(InstanceStateName.Pending, start.StartingInstances[0].CurrentState.Name);
        var restarted = await CloudHelpers.WaitForStateAsync(_ec2, id, "running");
        Assert.StartsWith("127.0.", restarted.PublicIpAddress, StringComparison.Ordinal);
        Assert.NotEqual(first.PublicIpAddress, restarted.PublicIpAddress); // a new public address after a stop, as on AWS

        var terminate = await _ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [id] });
        Assert.Equal(InstanceStateName.ShuttingDown, terminate.TerminatingInstances[0].CurrentState.Name);
        var terminated = await CloudHelpers.WaitForStateAsync(_ec2, id, "terminated");

        Assert.Equal(48, terminated.State.Code);
        Assert.Empty(_cloud.GetInventory().Instances);
    }

    [Fact]
    public async Task StopInstances_Pending_IncorrectInstanceState()
    {
        await using var cloud = await LocalCloud.StartAsync(new LocalCloudOptions
        {
            LatencyProfile = LatencyProfile.Realistic(1),
            TimeProvider = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(),
            VerifySignatures = false, // the fake clock is years off the SDK signer's
        });
        using var ec2 = cloud.CreateEc2Client();
        var id = (await CloudHelpers.RunAsync(ec2, 1))[0].InstanceId;

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [id] }));

        Assert.Equal("IncorrectInstanceState", error.ErrorCode);
    }

    [Fact]
    public async Task StartInstances_Terminated_IncorrectInstanceState()
    {
        var id = (await CloudHelpers.RunAsync(_ec2, 1))[0].InstanceId;
        await _ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [id] });
        await CloudHelpers.WaitForStateAsync(_ec2, id, "terminated");

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.StartInstancesAsync(new StartInstancesRequest { InstanceIds = [id] }));

        Assert.Equal("IncorrectInstanceState", error.ErrorCode);
    }

    [Fact]
    public async Task RunInstances_DryRun_DryRunOperation_NothingLaunched()
    {
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = CloudHelpers.Al2023,
            MinCount = 1,
            MaxCount = 1,
            DryRun = true,
        }));

        Assert.Equal("DryRunOperation", error.ErrorCode);
        Assert.Empty(_cloud.GetInventory().Instances);
    }

    [Fact]
    public async Task Tags_CreateDescribeDelete()
    {
        var id = (await CloudHelpers.RunAsync(_ec2, 1))[0].InstanceId;

        await _ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [id], Tags = [new Tag("owner", "me"), new Tag("env", "test")] });
        var described = await _ec2.DescribeTagsAsync(new DescribeTagsRequest { Filters = [new Filter("resource-id", [id])] });
        await _ec2.DeleteTagsAsync(new DeleteTagsRequest { Resources = [id], Tags = [new Tag { Key = "owner" }] });
        var after = await CloudHelpers.DescribeAsync(_ec2, id);

        Assert.Equal(["env", "owner"], described.Tags.Select(t => t.Key));
        Assert.All(described.Tags, t => Assert.Equal(ResourceType.Instance, t.ResourceType));
        Assert.Equal("env", Assert.Single(after.Tags).Key);
    }

    [Fact]
    public async Task CreateTags_UnknownInstance_InvalidInstanceIdNotFound()
    {
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            _ec2.CreateTagsAsync(new CreateTagsRequest { Resources = ["i-0123456789abcdef0"], Tags = [new Tag("a", "b")] }));

        Assert.Equal("InvalidInstanceID.NotFound", error.ErrorCode);
    }
}
