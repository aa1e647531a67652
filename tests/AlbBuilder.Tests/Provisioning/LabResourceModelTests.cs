namespace AlbBuilder.Tests.Provisioning;

/// <summary>The typed resource model: one resource, a set with union/except, one wording, and the records that print it.</summary>
public sealed class LabResourceModelTests
{
    private static readonly LabResource Group = new(LabResourceKind.LoadBalancerSecurityGroup, "sg-1");
    private static readonly LabResource TargetGroup = new(LabResourceKind.TargetGroup, "arn:tg");
    private static readonly LabResource Instance = new(LabResourceKind.Instance, "i-1");

    [Fact]
    public void ToString_EachKind_DescribesTheResourceInWords()
    {
        Assert.Equal("load balancer security group sg-1", Group.ToString());
        Assert.Equal("instance security group sg-2", new LabResource(LabResourceKind.InstanceSecurityGroup, "sg-2").ToString());
        Assert.Equal("target group arn:tg", TargetGroup.ToString());
        Assert.Equal("instance i-1", Instance.ToString());
        Assert.Equal("load balancer arn:lb", new LabResource(LabResourceKind.LoadBalancer, "arn:lb").ToString());
        Assert.Equal("listener arn:l", new LabResource(LabResourceKind.Listener, "arn:l").ToString());
    }

    [Fact]
    public void Constructor_EmptyId_Throws()
    {
        Assert.Throws<ArgumentException>(() => new LabResource(LabResourceKind.Instance, ""));
    }

    [Fact]
    public void Create_Duplicates_KeepsEachOnceInFirstOrder()
    {
        LabResourceSet set = [TargetGroup, Group, TargetGroup with { }];

        Assert.Equal([TargetGroup, Group], set);
        Assert.Equal(2, set.Count);
        Assert.True(set.Contains(new LabResource(LabResourceKind.TargetGroup, "arn:tg")));
    }

    [Fact]
    public void UnionAndExcept_ComputeWhatIsLeft()
    {
        LabResourceSet created = [Group, TargetGroup];
        LabResourceSet removed = [TargetGroup];

        Assert.Equal([Group, TargetGroup, Instance], created.Union([Instance, Group]));
        Assert.Equal([Group], created.Except(removed));
        Assert.True(created.Except(created).IsEmpty);
        Assert.Same(LabResourceSet.Empty, LabResourceSet.From([]));
    }

    [Fact]
    public void Equals_SameResourcesInAnotherOrder_IsEqual()
    {
        LabResourceSet a = [Group, TargetGroup];
        LabResourceSet b = [TargetGroup, Group];

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, [Group]);
    }

    [Fact]
    public void IdsOf_ReturnsTheIdsOfOneKind()
    {
        LabResourceSet set = [Instance, TargetGroup, new LabResource(LabResourceKind.Instance, "i-2")];

        Assert.Equal(["i-1", "i-2"], set.IdsOf(LabResourceKind.Instance));
        Assert.Empty(set.IdsOf(LabResourceKind.Listener));
    }

    [Fact]
    public void ToString_Set_JoinsTheWordsOrSaysNothing()
    {
        Assert.Equal("target group arn:tg, instance i-1", new[] { TargetGroup, Instance }.ToSet().ToString());
        Assert.Equal("nothing", LabResourceSet.Empty.ToString());
    }

    [Fact]
    public void AlbLabException_CreatedMinusRemoved_IsWhatIsStillThere()
    {
        var ex = new AlbLabException("failed", null, LabStep.CreateListener, [Group, TargetGroup, Instance], [Instance, TargetGroup]);

        Assert.Equal(LabStep.CreateListener, ex.Step);
        Assert.Equal([Group], ex.Created.Except(ex.Removed));
    }

    [Fact]
    public void AlbLabException_WithoutResources_HasEmptySets()
    {
        var ex = new AlbLabException("failed");

        Assert.Null(ex.Step);
        Assert.Empty(ex.Created);
        Assert.Empty(ex.Removed);
    }

    [Fact]
    public void LabResources_All_DerivesTheModelFromTheRecord()
    {
        var resources = new LabResources(
            LabId: null,
            VpcId: null,
            SubnetIds: [],
            LoadBalancerSecurityGroupId: "sg-1",
            InstanceSecurityGroupId: null,
            InstanceIds: ["i-1", "i-2"],
            TargetGroupArn: "arn:tg",
            LoadBalancerArn: null,
            LoadBalancerDnsName: null,
            ListenerArn: "arn:l");

        Assert.Equal(
            [Group, TargetGroup, Instance, new LabResource(LabResourceKind.Instance, "i-2"), new LabResource(LabResourceKind.Listener, "arn:l")],
            resources.All);
        Assert.Empty(LabResources.None.All);
    }

    [Fact]
    public void LabResources_ToString_PrintsTheListsItems()
    {
        var resources = new LabResources("abc", null, ["subnet-a", "subnet-b"], null, null, ["i-1"], null, null, null, null);

        var text = resources.ToString();

        Assert.Contains("SubnetIds = [subnet-a, subnet-b]", text, StringComparison.Ordinal);
        Assert.Contains("InstanceIds = [i-1]", text, StringComparison.Ordinal);
        Assert.StartsWith("LabResources { LabId = abc,", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ReadOnlyList", text, StringComparison.Ordinal);
    }

    [Fact]
    public void LabSummary_ToString_PrintsTheResourceIds()
    {
        var summary = new LabSummary("demo", "abc", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), ["sg-1", "i-1"]);

        var text = summary.ToString();

        Assert.Equal("LabSummary { Name = demo, LabId = abc, ExpiresAt = 2026-01-02T03:04:05.0000000+00:00, ResourceIds = [sg-1, i-1] }", text);
    }
}

internal static class LabResourceSetExtensions
{
    public static LabResourceSet ToSet(this IEnumerable<LabResource> resources) => LabResourceSet.From(resources);
}
