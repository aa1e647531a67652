using System.Text;
using Amazon.EC2.Model;

namespace AlbBuilder.Tests.Scenarios;

/// <summary>
/// Users read back the user data a lab launched its instances with (issue 12, item 11: DescribeInstanceAttribute), as
/// on AWS: base64 of exactly the script given to <c>WithUserData</c>, once per instance, non-ASCII intact.
/// </summary>
[Collection(ScenarioCollection.Name)]
public sealed class UserDataScenarioTests
{
    [Fact]
    public async Task StartAsync_EveryInstance_ReadsBackTheLabsUserDataAndType()
    {
        await using var env = await LabCloud.StartAsync();
        await using var lab = env.Lab("user-data").WithInstanceType("t3.small").Build();
        await lab.StartAsync();

        foreach (var id in lab.Resources.InstanceIds)
        {
            var userData = await env.Seed.Ec2.DescribeInstanceAttributeAsync(new DescribeInstanceAttributeRequest { InstanceId = id, Attribute = "userData" });
            var type = await env.Seed.Ec2.DescribeInstanceAttributeAsync(new DescribeInstanceAttributeRequest { InstanceId = id, Attribute = "instanceType" });

            Assert.Equal(id, userData.InstanceAttribute.InstanceId);
            Assert.Equal(LabCloud.UserData, Encoding.UTF8.GetString(Convert.FromBase64String(userData.InstanceAttribute.UserData)));
            Assert.Equal("t3.small", type.InstanceAttribute.InstanceType);
        }
    }
}
