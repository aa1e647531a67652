using System.Text;
using AlbBuilder.LocalCloud.Tests.Cloud;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace AlbBuilder.LocalCloud.Tests.Fidelity;

/// <summary>DescribeInstanceAttribute through the real AWSSDK.EC2 client: users read back their user data.</summary>
public sealed class InstanceAttributeTests : IAsyncLifetime
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
    public async Task DescribeInstanceAttribute_UserData_Base64AsLaunched()
    {
        var script = "#!/bin/bash\necho héllo > /var/www/html/index.html\n";
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(script));
        var id = (await _ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = CloudHelpers.Al2023, MinCount = 1, MaxCount = 1, UserData = encoded })).Reservation.Instances[0].InstanceId;

        var response = await _ec2.DescribeInstanceAttributeAsync(new DescribeInstanceAttributeRequest { InstanceId = id, Attribute = InstanceAttributeName.UserData });

        Assert.Equal(id, response.InstanceAttribute.InstanceId);
        Assert.Equal(encoded, response.InstanceAttribute.UserData);
        Assert.Equal(script, Encoding.UTF8.GetString(Convert.FromBase64String(response.InstanceAttribute.UserData)));
        Assert.Null(response.InstanceAttribute.InstanceType);
    }

    [Fact]
    public async Task DescribeInstanceAttribute_NoUserData_NoValue()
    {
        var id = (await CloudHelpers.RunAsync(_ec2, 1))[0].InstanceId;

        var response = await _ec2.DescribeInstanceAttributeAsync(new DescribeInstanceAttributeRequest { InstanceId = id, Attribute = InstanceAttributeName.UserData });

        Assert.Equal(id, response.InstanceAttribute.InstanceId);
        Assert.Null(response.InstanceAttribute.UserData);
    }

    [Fact]
    public async Task DescribeInstanceAttribute_InstanceTypeAndOthers_ValueElements()
    {
        var group = await CloudHelpers.CreateGroupAsync(_ec2, "attrs");
        var id = (await CloudHelpers.RunAsync(_ec2, 1, null, group))[0].InstanceId;

        var type = await _ec2.DescribeInstanceAttributeAsync(new DescribeInstanceAttributeRequest { InstanceId = id, Attribute = InstanceAttributeName.InstanceType });
        var groups = await _ec2.DescribeInstanceAttributeAsync(new DescribeInstanceAttributeRequest { InstanceId = id, Attribute = InstanceAttributeName.GroupSet });
        var termination = await _ec2.DescribeInstanceAttributeAsync(new DescribeInstanceAttributeRequest { InstanceId = id, Attribute = InstanceAttributeName.DisableApiTermination });

        Assert.Equal("t3.micro", type.InstanceAttribute.InstanceType);
        Assert.Null(type.InstanceAttribute.UserData);
        Assert.Equal(group, Assert.Single(groups.InstanceAttribute.Groups).GroupId);
        Assert.False(termination.InstanceAttribute.DisableApiTermination);
    }

    [Fact]
    public async Task DescribeInstanceAttribute_UnknownInstance_InvalidInstanceIdNotFound()
    {
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DescribeInstanceAttributeAsync(
            new DescribeInstanceAttributeRequest { InstanceId = "i-0123456789abcdef0", Attribute = InstanceAttributeName.UserData }));

        Assert.Equal("InvalidInstanceID.NotFound", error.ErrorCode);
        Assert.Contains("i-0123456789abcdef0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeInstanceAttribute_UnknownAttribute_InvalidParameterValue()
    {
        var id = (await CloudHelpers.RunAsync(_ec2, 1))[0].InstanceId;

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _ec2.DescribeInstanceAttributeAsync(
            new DescribeInstanceAttributeRequest { InstanceId = id, Attribute = InstanceAttributeName.FindValue("colour") }));

        Assert.Equal("InvalidParameterValue", error.ErrorCode);
        Assert.Equal("Value (colour) for parameter attribute is invalid. Unknown attribute.", error.Message);
    }
}
