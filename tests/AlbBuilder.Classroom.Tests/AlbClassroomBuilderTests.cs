using AlbBuilder.ElasticLoadBalancingV2;
using Amazon.EC2;
using NSubstitute;

namespace AlbBuilder.Classroom.Tests;

public sealed class AlbClassroomBuilderTests
{
    [Fact]
    public void Build_EverythingWrong_ListsEveryProblemAtOnce()
    {
        var builder = AlbClassroom.Create(AlbLab.Create().WithInstances(0))
            .WithName("physics")
            .ForLearners(["ada", "Ada", "bad_name", "-dash", "a-learner-with-a-very-long-name"])
            .WithMaxConcurrency(0);

        var ex = Assert.Throws<ClassroomValidationException>(() => builder.Build());

        Assert.Collection(
            ex.Problems,
            p => Assert.Equal(("ForLearners", "'ada', 'Ada'"), (p.Field, p.Value)),
            p => Assert.Equal("ForLearners['bad_name']", p.Field),
            p => Assert.Equal("ForLearners['-dash']", p.Field),
            p => Assert.Equal("ForLearners['a-learner-with-a-very-long-name']", p.Field),
            p => Assert.Equal("WithMaxConcurrency", p.Field),
            p => Assert.Equal("WithInstances", p.Field));
        Assert.Contains("'physics-a-learner-with-a-very-long-name'", ex.Problems[3].Value, StringComparison.Ordinal);
        Assert.Contains("Shorten the class's or the learner's name", ex.Problems[3].Fix, StringComparison.Ordinal);
        Assert.Contains("6 problem(s)", ex.Message, StringComparison.Ordinal);
        Assert.Equal("ForLearners", ex.ParamName);
    }

    [Fact]
    public void Build_NoNameNoLearners_NamesBothMissingSettings()
    {
        var ex = Assert.Throws<ClassroomValidationException>(() => AlbClassroom.Create(AlbLab.Create()).Build());

        Assert.Equal(["WithName", "ForLearners"], ex.Problems.Select(p => p.Field));
        Assert.All(ex.Problems, p => Assert.Equal("(not set)", p.Value));
    }

    [Fact]
    public void Build_InvalidClassName_IsReportedOnceNotPerLab()
    {
        var ex = Assert.Throws<ClassroomValidationException>(() =>
            AlbClassroom.Create(AlbLab.Create()).WithName("sg-class").ForLearners("l{0}", 5).Build());

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("WithName", problem.Field);
    }

    [Fact]
    public void Build_EmptyLearnerList_IsAProblem()
    {
        var ex = Assert.Throws<ClassroomValidationException>(() => AlbClassroom.Create(AlbLab.Create()).WithName("c").ForLearners([]).Build());

        Assert.Equal(("ForLearners", "(empty)"), (ex.Problems[0].Field, ex.Problems[0].Value));
    }

    [Fact]
    public void Build_TemplateWithTheMostUserTags_LeavesNoRoomForTheClassTags()
    {
        var tags = Enumerable.Range(0, AlbLab.MaxUserTags).ToDictionary(i => $"k{i}", i => "v");
        Assert.Equal("c-a", AlbLab.Create("c-a").WithTags(tags).Build().Name); // fits a lab on its own

        var ex = Assert.Throws<ClassroomValidationException>(() =>
            AlbClassroom.Create(AlbLab.Create().WithTags(tags)).WithName("c").ForLearners(["a"]).Build());

        Assert.Equal("WithTags", Assert.Single(ex.Problems).Field);
    }

    [Fact]
    public void Build_TemplateTagUnderTheClassPrefix_IsStillRefused()
    {
        var ex = Assert.Throws<ClassroomValidationException>(() =>
            AlbClassroom.Create(AlbLab.Create().WithTag(ClassroomTags.Class, "other")).WithName("c").ForLearners(["a"]).Build());

        Assert.Contains("albbuilder:", Assert.Single(ex.Problems).Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NamesEachLabAfterClassAndLearner_InTheLearnersOrder_WithoutCallingAws()
    {
        var ec2 = Substitute.For<IAmazonEC2>();
        var elb = Substitute.For<IAmazonElasticLoadBalancingV2>();
        var template = AlbLab.Create("ignored").WithAwsClients(ec2, elb);

        var classroom = AlbClassroom.Create(template).WithName("physics").ForLearners(["zoe", "ada"]).Build();

        Assert.Equal("physics", classroom.Name);
        Assert.Equal(["zoe", "ada"], classroom.Labs.Select(l => l.Learner));
        Assert.Equal(["physics-zoe", "physics-ada"], classroom.Labs.Select(l => l.Lab.Name));
        Assert.All(classroom.Labs, l => Assert.Equal(LabState.NotStarted, l.Lab.State));
        Assert.Empty(ec2.ReceivedCalls());
        Assert.Empty(elb.ReceivedCalls());
    }

    [Fact]
    public void Builder_IsImmutable_ATemplateClassroomServesTwoClasses()
    {
        var common = AlbClassroom.Create(AlbLab.Create()).ForLearners("s{0}", 2);

        var physics = common.WithName("physics").Build();
        var chemistry = common.WithName("chemistry").ForLearners(["x"]).Build();

        Assert.Equal(["physics-s1", "physics-s2"], physics.Labs.Select(l => l.Lab.Name));
        Assert.Equal(["chemistry-x"], chemistry.Labs.Select(l => l.Lab.Name));
    }

    [Fact]
    public void Build_TemplateWithRegion_KeepsItForTheSharedClientsWithoutAProblem()
    {
        var classroom = AlbClassroom.Create(AlbLab.Create().WithRegion(Amazon.RegionEndpoint.EUWest1)).WithName("c").ForLearners(["a"]).Build();

        Assert.Equal("c-a", Assert.Single(classroom.Labs).Lab.Name);
    }
}
