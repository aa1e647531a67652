using AlbBuilder.Building;
using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.ElasticLoadBalancingV2.Model;
using AlbBuilder.Provisioning;
using Amazon;
using Amazon.EC2;
using Amazon.EC2.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace AlbBuilder.Tests.Building;

public sealed class AlbLabBuilderTests
{
    [Fact]
    public void Create_WithoutName_TheCardLineBuildsALabNamedLabAndEightHexDigits()
    {
        IAlbLab lab = AlbLab.Create().WithInstances(2).WithUserData(UserData.HelloHttpd()).ListenOn(80).Build();

        Assert.Matches("^lab-[0-9a-f]{8}$", lab.Name);
        Assert.Equal(LabState.NotStarted, lab.State);
    }

    [Fact]
    public void Create_WithoutName_EachBuildDrawsItsOwnName_SoATemplateMakesNoTwins()
    {
        var template = AlbLab.Create().WithInstances(1);

        var names = Enumerable.Range(0, 20).Select(_ => template.BuildDefinition().Name).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Create_WithoutName_GeneratedNamesPassTheNameRules_AndDerivedNamesFitAws()
    {
        var definition = AlbLab.Create().BuildDefinition();
        var problems = new List<LabValidationProblem>();

        LabRules.CheckName(problems, "Create(name)", definition.Name);

        Assert.Empty(problems);
        Assert.True(definition.LoadBalancerName.Length <= 32, definition.LoadBalancerName);
        Assert.True(definition.TargetGroupName.Length <= 32, definition.TargetGroupName);
    }

    [Fact]
    public void Create_EmptyName_IsStillReported_NotReplacedByAGeneratedOne()
    {
        var ex = Assert.Throws<AlbLabValidationException>(() => AlbLab.Create(string.Empty).Build());

        Assert.Contains(ex.Problems, p => p.Field == "Create(name)");
    }

    [Fact]
    public void BuildDefinition_NothingSet_UsesTheDocumentedDefaults()
    {
        var definition = AlbLab.Create("demo").BuildDefinition();

        Assert.Equal("demo", definition.Name);
        Assert.Equal(2, definition.InstanceCount);
        Assert.Equal("t3.micro", definition.InstanceType);
        Assert.Equal("resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64", definition.ImageId);
        Assert.Equal(UserData.HelloHttpd(), definition.UserData);
        Assert.Equal(80, definition.ListenerPort);
        Assert.Equal(80, definition.TargetPort);
        Assert.Equal(HealthCheckSettings.LabDefault, definition.HealthCheck);
        Assert.Equal(TimeSpan.FromSeconds(30), definition.DeregistrationDelay);
        Assert.Null(definition.VpcId);
        Assert.Empty(definition.SubnetIds);
        Assert.Empty(definition.Tags);
        Assert.Equal(LabTimeouts.Default, definition.Timeouts);
        Assert.True(definition.CleanUp);
        Assert.Null(definition.TimeToLive);
        Assert.Equal(TimeSpan.FromSeconds(5), definition.PollInterval);
        Assert.Null(definition.DirectInstanceAccessCidr);
        Assert.Empty(definition.RunInstancesCustomizations);
        Assert.Equal("demo-alb", definition.LoadBalancerName);
        Assert.Equal("demo-tg", definition.TargetGroupName);
    }

    [Fact]
    public void BuildDefinition_EverythingSet_CarriesEveryValue()
    {
        var healthCheck = new HealthCheckSettings("/health", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(3), 3, 4, "200-299");
        var timeouts = new LabTimeouts(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(4));
        Action<RunInstancesRequest> customization = r => r.KeyName = "mine";

        var definition = AlbLab.Create("full-lab")
            .WithInstances(3)
            .WithInstanceType("t3.small")
            .WithImage("ami-0123456789abcdef0")
            .WithUserData("#!/bin/bash\necho hi\n")
            .ListenOn(8080)
            .WithTargetPort(8081)
            .WithHealthCheck(healthCheck)
            .WithDeregistrationDelay(TimeSpan.Zero)
            .InVpc("vpc-0abc1234")
            .InSubnets("subnet-0abc1234", "subnet-0def5678")
            .WithTag("team", "platform")
            .WithTimeouts(timeouts)
            .WithCleanUp(false)
            .WithTimeToLive(TimeSpan.FromHours(2))
            .WithPolling(TimeSpan.FromMilliseconds(200))
            .WithDirectInstanceAccess("203.0.113.7/32")
            .ConfigureRunInstances(customization)
            .BuildDefinition();

        Assert.Equal("full-lab", definition.Name);
        Assert.Equal(3, definition.InstanceCount);
        Assert.Equal("t3.small", definition.InstanceType);
        Assert.Equal("ami-0123456789abcdef0", definition.ImageId);
        Assert.Equal("#!/bin/bash\necho hi\n", definition.UserData);
        Assert.Equal(8080, definition.ListenerPort);
        Assert.Equal(8081, definition.TargetPort);
        Assert.Same(healthCheck, definition.HealthCheck);
        Assert.Equal(TimeSpan.Zero, definition.DeregistrationDelay);
        Assert.Equal("vpc-0abc1234", definition.VpcId);
        Assert.Equal(["subnet-0abc1234", "subnet-0def5678"], definition.SubnetIds);
        Assert.Equal("platform", Assert.Single(definition.Tags, t => t.Key == "team").Value);
        Assert.Same(timeouts, definition.Timeouts);
        Assert.False(definition.CleanUp);
        Assert.Equal(TimeSpan.FromHours(2), definition.TimeToLive);
        Assert.Equal(TimeSpan.FromMilliseconds(200), definition.PollInterval);
        Assert.Equal("203.0.113.7/32", definition.DirectInstanceAccessCidr);
        Assert.Same(customization, Assert.Single(definition.RunInstancesCustomizations));
    }

    [Fact]
    public void With_OnABuilder_LeavesTheOriginalUnchanged()
    {
        var original = AlbLab.Create("demo");

        var changed = original
            .WithInstances(5)
            .WithInstanceType("t3.large")
            .ListenOn(8080)
            .WithTag("team", "a")
            .InSubnets("subnet-0abc1234", "subnet-0def5678")
            .ConfigureRunInstances(_ => { })
            .WithHealthCheck(h => h with { Path = "/changed" });

        var before = original.BuildDefinition();
        var after = changed.BuildDefinition();
        Assert.Equal(2, before.InstanceCount);
        Assert.Equal("t3.micro", before.InstanceType);
        Assert.Equal(80, before.ListenerPort);
        Assert.Empty(before.Tags);
        Assert.Empty(before.SubnetIds);
        Assert.Empty(before.RunInstancesCustomizations);
        Assert.Equal("/", before.HealthCheck.Path);
        Assert.Equal(5, after.InstanceCount);
        Assert.Equal("/changed", after.HealthCheck.Path);
        Assert.NotSame(original, changed);
    }

    [Fact]
    public void With_TwoBranchesFromOneBuilder_DoNotSeeEachOthersTags()
    {
        var template = AlbLab.Create("demo").WithTag("team", "platform");

        var blue = template.WithTag("env", "blue").BuildDefinition();
        var green = template.WithTag("env", "green").BuildDefinition();

        Assert.Equal("blue", blue.Tags["env"]);
        Assert.Equal("green", green.Tags["env"]);
        Assert.Equal(2, blue.Tags.Count);
        Assert.Equal(2, green.Tags.Count);
    }

    [Fact]
    public void Merge_TagsAndCustomizationsAppend_ScalarsAndSubnetsReplace()
    {
        var definition = AlbLab.Create("demo")
            .WithInstances(3)
            .WithInstances(4)
            .InSubnets("subnet-0aaaaaaa", "subnet-0bbbbbbb")
            .InSubnets("subnet-0ccccccc", "subnet-0ddddddd")
            .WithTags(new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" })
            .WithTag("c", "3")
            .ConfigureRunInstances(r => r.KeyName = "first")
            .ConfigureRunInstances(r => r.KeyName += "-second")
            .BuildDefinition();

        Assert.Equal(4, definition.InstanceCount);
        Assert.Equal(["subnet-0ccccccc", "subnet-0ddddddd"], definition.SubnetIds);
        Assert.Equal(["a", "b", "c"], definition.Tags.Keys.Order());
        var request = new RunInstancesRequest();
        foreach (var customize in definition.RunInstancesCustomizations)
        {
            customize(request);
        }

        Assert.Equal("first-second", request.KeyName);
    }

    [Fact]
    public void WithHealthCheck_Function_AdjustsTheCurrentSettings()
    {
        var definition = AlbLab.Create("demo")
            .WithHealthCheck(h => h with { Path = "/health" })
            .WithHealthCheck(h => h with { HealthyThreshold = 3 })
            .BuildDefinition();

        Assert.Equal(HealthCheckSettings.LabDefault with { Path = "/health", HealthyThreshold = 3 }, definition.HealthCheck);
    }

    [Fact]
    public void WithTimeouts_Function_AdjustsTheCurrentTimeouts()
    {
        var definition = AlbLab.Create("demo")
            .WithTimeouts(t => t with { LoadBalancerActive = TimeSpan.FromMinutes(30) })
            .BuildDefinition();

        Assert.Equal(LabTimeouts.Default with { LoadBalancerActive = TimeSpan.FromMinutes(30) }, definition.Timeouts);
    }

    [Fact]
    public void WithHealthCheck_FunctionReturnsNull_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => AlbLab.Create("demo").WithHealthCheck(_ => null!));

        Assert.Equal("configure", exception.ParamName);
    }

    [Fact]
    public void NullArguments_ThrowAtTheCall()
    {
        var builder = AlbLab.Create("demo");

        Assert.Throws<ArgumentNullException>(() => AlbLab.Create(null!));
        Assert.Throws<ArgumentNullException>(() => builder.WithInstanceType(null!));
        Assert.Throws<ArgumentNullException>(() => builder.WithUserData(null!));
        Assert.Throws<ArgumentNullException>(() => builder.InSubnets("subnet-0abc1234", null!));
        Assert.Throws<ArgumentNullException>(() => builder.WithTags(new Dictionary<string, string> { ["k"] = null! }));
        Assert.Throws<ArgumentNullException>(() => builder.ConfigureRunInstances(null!));
        Assert.Throws<ArgumentNullException>(() => builder.WithAwsClients(Substitute.For<IAmazonEC2>(), null!));
        Assert.Throws<ArgumentNullException>(() => builder.WithTimeProvider(null!));
    }

    [Fact]
    public async Task Build_WithClients_MakesNoAwsCall()
    {
        var ec2 = Substitute.For<IAmazonEC2>();
        var elb = Substitute.For<IAmazonElasticLoadBalancingV2>();

        var lab = AlbLab.Create("demo").WithAwsClients(ec2, elb).Build();

        Assert.Empty(ec2.ReceivedCalls());
        Assert.Empty(elb.ReceivedCalls());
        await ec2.DidNotReceiveWithAnyArgs().RunInstancesAsync(default!, default);
        await ec2.DidNotReceiveWithAnyArgs().DescribeVpcsAsync(default!, default);
        await elb.DidNotReceiveWithAnyArgs().CreateLoadBalancerAsync(default!, default);
        Assert.Equal("demo", lab.Name);
        Assert.Equal(LabState.NotStarted, lab.State);
        Assert.Equal(LabResources.None, lab.Resources);
        Assert.Null(lab.Url);
    }

    [Fact]
    public void Build_InvalidDefinition_MakesNoAwsCall()
    {
        var ec2 = Substitute.For<IAmazonEC2>();
        var elb = Substitute.For<IAmazonElasticLoadBalancingV2>();

        Assert.Throws<AlbLabValidationException>(() => AlbLab.Create("bad_name").WithAwsClients(ec2, elb).Build());

        Assert.Empty(ec2.ReceivedCalls());
        Assert.Empty(elb.ReceivedCalls());
    }

    [Fact]
    public async Task Build_WithClients_LabUsesThemAndNeverDisposesThem()
    {
        var ec2 = Substitute.For<IAmazonEC2>();
        var elb = Substitute.For<IAmazonElasticLoadBalancingV2>();
        var time = new FakeTimeProvider();
        var loggerFactory = Substitute.For<ILoggerFactory>();

        var lab = (AlbLabResource)AlbLab.Create("demo")
            .WithAwsClients(ec2, elb)
            .WithTimeProvider(time)
            .WithLoggerFactory(loggerFactory)
            .Build();

        Assert.Same(ec2, lab.Services.Ec2);
        Assert.Same(elb, lab.Services.ElasticLoadBalancing);
        Assert.Same(time, lab.Services.TimeProvider);
        Assert.Same(loggerFactory, lab.Services.LoggerFactory);
        Assert.False(lab.Services.OwnsClients);
        await lab.DisposeAsync();
        ec2.DidNotReceive().Dispose();
        elb.DidNotReceive().Dispose();
    }

    [Fact]
    public void Build_WithoutClients_CreatesNoClientUntilTheLabNeedsOne()
    {
        var lab = (AlbLabResource)AlbLab.Create("demo").WithRegion(RegionEndpoint.EUWest1).Build();

        Assert.True(lab.Services.OwnsClients);
        Assert.False(lab.Services.AreClientsCreated);
        Assert.Same(TimeProvider.System, lab.Services.TimeProvider);
    }

    [Fact]
    public void Build_Twice_GivesTwoIndependentLabs()
    {
        var builder = AlbLab.Create("demo").WithAwsClients(Substitute.For<IAmazonEC2>(), Substitute.For<IAmazonElasticLoadBalancingV2>());

        var first = builder.Build();
        var second = builder.Build();

        Assert.NotSame(first, second);
        Assert.Equal(first.Name, second.Name);
    }
}
