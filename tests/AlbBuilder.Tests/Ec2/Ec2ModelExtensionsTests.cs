using AlbBuilder.Ec2;
using Amazon.EC2.Model;

namespace AlbBuilder.Tests.Ec2;

public sealed class Ec2ModelExtensionsTests
{
    [Fact]
    public void Readers_NullCollectionsAndValues_ReturnNullOrEmpty()
    {
        var bare = new Instance();

        Assert.Null(((List<Tag>?)null).TagValue("Name"));
        Assert.Null(bare.StateName());
        Assert.Null(bare.AvailabilityZone());
        Assert.Empty(((List<Reservation>?)null).AllInstances());
        Assert.Empty(new List<Reservation> { new() }.AllInstances());
    }

    [Fact]
    public void Readers_PopulatedModels_ReturnTheValues()
    {
        var instance = new Instance
        {
            State = new InstanceState { Name = "running" },
            Placement = new Placement { AvailabilityZone = "eu-west-1b" },
            Tags = [new Tag("Name", "demo-1"), new Tag("name", "lower-case is another key")],
        };

        Assert.Equal("running", instance.StateName());
        Assert.Equal("eu-west-1b", instance.AvailabilityZone());
        Assert.Equal("demo-1", instance.Tags.TagValue("Name"));
        Assert.Equal([instance], new List<Reservation> { new() { Instances = [instance] }, new() }.AllInstances());
    }

    [Fact]
    public void Filters_TagAndLiveStates_HaveTheWireNames()
    {
        var tag = Ec2ModelExtensions.TagFilter("albbuilder:lab", "demo");
        var live = Ec2ModelExtensions.LiveInstanceStates();

        Assert.Equal(("tag:albbuilder:lab", "demo"), (tag.Name, Assert.Single(tag.Values)));
        Assert.Equal("instance-state-name", live.Name);
        Assert.Equal(["pending", "running", "stopping", "stopped"], live.Values);
    }

    [Fact]
    public void HasErrorCode_MatchesOnlyTheServiceCode()
    {
        var error = new Amazon.EC2.AmazonEC2Exception("x", Amazon.Runtime.ErrorType.Sender, "DependencyViolation", "r", System.Net.HttpStatusCode.BadRequest);

        Assert.True(error.HasErrorCode("DependencyViolation"));
        Assert.False(error.HasErrorCode("InvalidGroup.NotFound"));
        Assert.False(new InvalidOperationException("DependencyViolation").HasErrorCode("DependencyViolation"));
    }
}
