using System.Net;
using System.Net.Sockets;
using System.Text;
using Amazon.EC2.Model;

namespace AlbBuilder.LocalCloud.Server.Tests;

/// <summary>A client that goes away in the middle of a request leaves LocalCloud's state consistent and the endpoint serving.</summary>
public sealed class DisconnectTests
{
    [Fact]
    public async Task ClientGone_MidBody_CreatesNothing_AndTheEndpointStillServes()
    {
        await using var cloud = await LocalCloud.StartAsync();
        var body = "Action=RunInstances&Version=2016-11-15&ImageId=ami-0abcdef1234567890&MinCount=1&MaxCount=1&InstanceType=t3.micro";

        // Promise the whole body, send half of it, hang up.
        await SendAndHangUpAsync(cloud.ServiceUrl, body, body.Length / 2);

        Assert.True(cloud.GetInventory().IsEmpty, cloud.GetInventory().ToString());
        using var ec2 = cloud.CreateEc2Client();
        var answer = await ec2.DescribeInstancesAsync(new DescribeInstancesRequest());
        Assert.Empty(answer.Reservations ?? []);
    }

    [Fact]
    public async Task ClientGone_BeforeTheAnswer_AppliesTheCallOnceOrNotAtAll()
    {
        await using var cloud = await LocalCloud.StartAsync();
        var body = "Action=CreateSecurityGroup&Version=2016-11-15&GroupName=gone&GroupDescription=hung+up";

        // The whole request, then hang up without reading the answer.
        await SendAndHangUpAsync(cloud.ServiceUrl, body, body.Length);
        using var ec2 = cloud.CreateEc2Client();
        var groups = await WaitForSettledAsync(ec2);

        // Either the group exists once (the call ran) or not at all; never half a group.
        Assert.InRange(groups.Count, 0, 1);
        Assert.All(groups, g => Assert.Equal("hung up", g.Description));
        var retry = await Record.ExceptionAsync(() => ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest("gone", "hung up")));
        Assert.Equal(groups.Count == 1, retry is Amazon.EC2.AmazonEC2Exception { ErrorCode: "InvalidGroup.Duplicate" });
    }

    private static async Task<List<SecurityGroup>> WaitForSettledAsync(Amazon.EC2.IAmazonEC2 ec2)
    {
        // The server may still be handling the abandoned request for a moment; its answer is what counts afterwards.
        await Task.Delay(200);
        var answer = await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
        {
            Filters = [new Filter("group-name", ["gone"])],
        });
        return answer.SecurityGroups ?? [];
    }

    private static async Task SendAndHangUpAsync(Uri endpoint, string body, int bytesToSend)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, endpoint.Port));
        var head = $"POST / HTTP/1.1\r\nHost: 127.0.0.1:{endpoint.Port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n";
        await socket.SendAsync(Encoding.UTF8.GetBytes(head + body[..bytesToSend]));
        socket.Close(0); // RST: gone at once
    }
}
