using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.Provisioning;
using Amazon.EC2;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace AlbBuilder.Tests.DependencyInjection;

public sealed class AddAlbBuilderTests
{
    [Fact]
    public void Factory_Resolves_AndItsLabsUseTheContainersClientsAndClock()
    {
        var ec2 = Substitute.For<IAmazonEC2>();
        var elb = Substitute.For<IAmazonElasticLoadBalancingV2>();
        var time = new FakeTimeProvider();
        var services = new ServiceCollection()
            .AddSingleton(ec2)
            .AddSingleton(elb)
            .AddSingleton<TimeProvider>(time)
            .AddAlbBuilder().Services;
        using var provider = services.BuildServiceProvider();

        var lab = (AlbLabResource)provider.GetRequiredService<IAlbLabFactory>().Create("demo").Build();

        Assert.Same(ec2, lab.Services.Ec2);
        Assert.Same(elb, lab.Services.ElasticLoadBalancing);
        Assert.Same(time, lab.Services.TimeProvider);
        Assert.False(lab.Services.OwnsClients);
        Assert.Empty(ec2.ReceivedCalls());
    }

    [Fact]
    public void Factory_CreateWithoutName_GeneratesANameAndAppliesTheDefaults()
    {
        var services = new ServiceCollection();
        services.AddAlbBuilder(o => o.InstanceCount = 3);
        using var provider = services.BuildServiceProvider();

        var definition = provider.GetRequiredService<IAlbLabFactory>().Create().BuildDefinition();

        Assert.Matches("^lab-[0-9a-f]{8}$", definition.Name);
        Assert.Equal(3, definition.InstanceCount);
    }

    [Fact]
    public void AddAlbBuilder_ReturnsABuilderOverTheSameServices()
    {
        var services = new ServiceCollection();

        var builder = services.AddAlbBuilder();

        Assert.Same(services, builder.Services);
    }

    [Fact]
    public void ConfigureLabs_AppliesAfterTheOptions_InOrder_AndTheCallerStillWins()
    {
        var handler = Substitute.For<HttpMessageHandler>();
        var services = new ServiceCollection();
        services.AddAlbBuilder(o => o.InstanceCount = 3)
            .ConfigureLabs(lab => lab.WithPolling(TimeSpan.FromSeconds(1)).WithInstances(4))
            .ConfigureLabs(lab => lab.WithPolling(TimeSpan.FromSeconds(2)).WithTrafficHandler(handler));
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IAlbLabFactory>();

        var configured = (AlbLabResource)factory.Create("demo").Build();
        var overridden = factory.Create("demo").WithPolling(TimeSpan.FromSeconds(7)).BuildDefinition();

        Assert.Equal(4, configured.Definition.InstanceCount);
        Assert.Equal(TimeSpan.FromSeconds(2), configured.Definition.PollInterval);
        Assert.Same(handler, configured.Services.TrafficHandler);
        Assert.Equal(TimeSpan.FromSeconds(7), overridden.PollInterval);
    }

    [Fact]
    public void ConfigureLabs_FunctionReturnsNull_FactorySaysSo()
    {
        var services = new ServiceCollection();
        services.AddAlbBuilder().ConfigureLabs(_ => null!);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IAlbLabFactory>().Create("demo"));

        Assert.Contains("ConfigureLabs", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Factory_ClientsRegisteredAfterAddAlbBuilder_StillWin()
    {
        var ec2 = Substitute.For<IAmazonEC2>();
        var elb = Substitute.For<IAmazonElasticLoadBalancingV2>();
        var services = new ServiceCollection().AddAlbBuilder().Services;
        services.AddSingleton(ec2).AddSingleton(elb);
        using var provider = services.BuildServiceProvider();

        var lab = (AlbLabResource)provider.GetRequiredService<IAlbLabFactory>().Create("demo").Build();

        Assert.Same(ec2, lab.Services.Ec2);
        Assert.Same(elb, lab.Services.ElasticLoadBalancing);
    }

    [Fact]
    public void AddAlbBuilder_UserRegistrationsFirst_AreKept()
    {
        var ec2 = Substitute.For<IAmazonEC2>();
        var time = new FakeTimeProvider();
        var services = new ServiceCollection().AddSingleton(ec2).AddSingleton<TimeProvider>(time);

        services.AddAlbBuilder();

        Assert.Same(ec2, Assert.Single(services, d => d.ServiceType == typeof(IAmazonEC2)).ImplementationInstance);
        Assert.Same(time, Assert.Single(services, d => d.ServiceType == typeof(TimeProvider)).ImplementationInstance);
    }

    [Fact]
    public void AddAlbBuilder_NothingRegistered_AddsLazyDefaultsWithoutCreatingClients()
    {
        var services = new ServiceCollection().AddAlbBuilder(o => o.Region = "eu-west-1").Services;
        using var provider = services.BuildServiceProvider();

        var ec2 = Assert.Single(services, d => d.ServiceType == typeof(IAmazonEC2));
        var elb = Assert.Single(services, d => d.ServiceType == typeof(IAmazonElasticLoadBalancingV2));
        Assert.Equal(ServiceLifetime.Singleton, ec2.Lifetime);
        Assert.NotNull(ec2.ImplementationFactory);
        Assert.NotNull(elb.ImplementationFactory);
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());

        var lab = (AlbLabResource)provider.GetRequiredService<IAlbLabFactory>().Create("demo").Build();
        Assert.False(lab.Services.AreClientsCreated);
        Assert.False(lab.Services.OwnsClients);
    }

    [Fact]
    public void AddAlbBuilder_CalledTwice_RegistersEachServiceOnce_AndAppliesBothConfigurations()
    {
        var services = new ServiceCollection()
            .AddAlbBuilder(o => o.InstanceType = "t3.small").Services
            .AddAlbBuilder(o => o.InstanceCount = 3).Services;
        using var provider = services.BuildServiceProvider();

        Assert.Single(services, d => d.ServiceType == typeof(IAlbLabFactory));
        Assert.Single(services, d => d.ServiceType == typeof(IAmazonEC2));
        Assert.Single(services, d => d.ServiceType == typeof(IAmazonElasticLoadBalancingV2));
        Assert.Single(services, d => d.ServiceType == typeof(TimeProvider));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<AlbBuilderOptions>));
        provider.GetRequiredService<IStartupValidator>().Validate();
        var definition = provider.GetRequiredService<IAlbLabFactory>().Create("demo").BuildDefinition();
        Assert.Equal("t3.small", definition.InstanceType);
        Assert.Equal(3, definition.InstanceCount);
    }

    [Fact]
    public void Factory_AppliesTheOptionsAsDefaults_AndTheBuilderCanOverrideThem()
    {
        var services = new ServiceCollection().AddAlbBuilder(o =>
        {
            o.InstanceType = "t3.small";
            o.ImageId = "ami-0123456789abcdef0";
            o.InstanceCount = 4;
            o.LoadBalancerActiveTimeout = TimeSpan.FromMinutes(30);
            o.TimeToLive = TimeSpan.FromHours(3);
            o.CleanUp = false;
        }).Services;
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IAlbLabFactory>();

        var defaults = factory.Create("demo").BuildDefinition();
        var overridden = factory.Create("demo").WithInstanceType("t3.nano").WithCleanUp(true).BuildDefinition();

        Assert.Equal("t3.small", defaults.InstanceType);
        Assert.Equal("ami-0123456789abcdef0", defaults.ImageId);
        Assert.Equal(4, defaults.InstanceCount);
        Assert.Equal(LabTimeouts.Default with { LoadBalancerActive = TimeSpan.FromMinutes(30) }, defaults.Timeouts);
        Assert.Equal(TimeSpan.FromHours(3), defaults.TimeToLive);
        Assert.False(defaults.CleanUp);
        Assert.Equal("t3.nano", overridden.InstanceType);
        Assert.True(overridden.CleanUp);
    }

    [Fact]
    public void Factory_UsesTheContainersLoggerFactory_WhenThereIsOne()
    {
        var loggerFactory = Substitute.For<ILoggerFactory>();
        var services = new ServiceCollection().AddSingleton(loggerFactory).AddAlbBuilder().Services;
        using var provider = services.BuildServiceProvider();

        var lab = (AlbLabResource)provider.GetRequiredService<IAlbLabFactory>().Create("demo").Build();

        Assert.Same(loggerFactory, lab.Services.LoggerFactory);
    }

    [Fact]
    public void Options_Invalid_FailOnStart_ShowingEachBadValue()
    {
        var services = new ServiceCollection().AddAlbBuilder(o =>
        {
            o.InstanceType = "huge";
            o.InstanceCount = 0;
            o.TargetsHealthyTimeout = TimeSpan.Zero;
        }).Services;
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("AlbBuilderOptions.InstanceType = 'huge'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("AlbBuilderOptions.InstanceCount = 0", exception.Message, StringComparison.Ordinal);
        Assert.Contains("AlbBuilderOptions.TargetsHealthyTimeout = 0 s", exception.Message, StringComparison.Ordinal);
        Assert.Equal(3, exception.Failures.Count());
    }

    [Fact]
    public void Options_Invalid_FactoryCreateFailsToo()
    {
        var services = new ServiceCollection().AddAlbBuilder(o => o.ImageId = "ubuntu").Services;
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IAlbLabFactory>().Create("demo"));

        Assert.Contains("AlbBuilderOptions.ImageId = 'ubuntu'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_Valid_PassTheStartCheck()
    {
        var services = new ServiceCollection().AddAlbBuilder(o => o.Region = "ap-southeast-2").Services;
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal("ap-southeast-2", provider.GetRequiredService<IOptions<AlbBuilderOptions>>().Value.Region);
    }

    [Fact]
    public void AddAlbBuilder_FromConfiguration_BindsTheSection()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AlbBuilder:Region"] = "eu-west-1",
                ["AlbBuilder:InstanceType"] = "t3.small",
                ["AlbBuilder:InstanceCount"] = "3",
                ["AlbBuilder:TimeToLive"] = "02:00:00",
                ["AlbBuilder:TeardownTimeout"] = "00:30:00",
            })
            .Build();
        var services = new ServiceCollection().AddAlbBuilder(configuration.GetSection(AlbBuilderOptions.SectionName)).Services;
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        var definition = provider.GetRequiredService<IAlbLabFactory>().Create("demo").BuildDefinition();

        Assert.Equal("eu-west-1", provider.GetRequiredService<IOptions<AlbBuilderOptions>>().Value.Region);
        Assert.Equal("t3.small", definition.InstanceType);
        Assert.Equal(3, definition.InstanceCount);
        Assert.Equal(TimeSpan.FromHours(2), definition.TimeToLive);
        Assert.Equal(TimeSpan.FromMinutes(30), definition.Timeouts.Teardown);
    }

    [Fact]
    public void AddAlbBuilder_FromConfigurationWithBadValues_FailsOnStart_ShowingThem()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AlbBuilder:Region"] = "moon-base",
                ["AlbBuilder:InstanceCount"] = "99",
            })
            .Build();
        var services = new ServiceCollection().AddAlbBuilder(configuration.GetSection(AlbBuilderOptions.SectionName)).Services;
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("AlbBuilderOptions.Region = 'moon-base'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("AlbBuilderOptions.InstanceCount = 99", exception.Message, StringComparison.Ordinal);
    }
}
