using AlbBuilder;
using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.LocalCloud;
using Amazon.EC2;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Snippets;

/// <summary>The code of docs/configuration.md: dependency injection.</summary>
public static class DependencyInjection
{
    /// <summary>Registers AlbBuilder with options in code or from configuration.</summary>
    public static ServiceProvider Register(IConfiguration configuration, bool fromConfiguration)
    {
        var services = new ServiceCollection();
        if (!fromConfiguration)
        {
            #region snippet:di-register
            services.AddAlbBuilder(o =>
            {
                o.Region = "eu-west-1";
                o.InstanceType = "t3.small";
                o.TimeToLive = TimeSpan.FromHours(4);
            });
            #endregion
        }
        else
        {
            #region snippet:di-register-configuration
            // appsettings.json: { "AlbBuilder": { "Region": "eu-west-1", "InstanceCount": 3, "TimeToLive": "04:00:00" } }
            services.AddAlbBuilder(configuration.GetSection(AlbBuilderOptions.SectionName));
            #endregion
        }

        return services.BuildServiceProvider();
    }

    /// <summary>With AWSSDK.Extensions.NETCore.Setup's clients.</summary>
    public static ServiceProvider RegisterWithAwsOptions(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        #region snippet:di-awsoptions
        services.AddDefaultAWSOptions(configuration.GetAWSOptions());
        services.AddAWSService<IAmazonEC2>();
        services.AddAWSService<IAmazonElasticLoadBalancingV2>();   // AlbBuilder.ElasticLoadBalancingV2
        services.AddAlbBuilder(configuration.GetSection("AlbBuilder"));
        #endregion
        return services.BuildServiceProvider();
    }

    /// <summary>The container's labs on LocalCloud. AlbBuilder.Docs.Tests runs it.</summary>
    public static async Task<TrafficReport> UseLocalCloudAsync(CancellationToken cancellationToken = default)
    {
        #region snippet:di-localcloud
        await using var cloud = await LocalCloud.StartAsync(cancellationToken: cancellationToken);

        var services = new ServiceCollection();
        services.AddAlbBuilder(o => o.InstanceCount = 2)
            .UseLocalCloud(cloud);       // the cloud's clients, traffic handler, clock and fast polling
        await using var provider = services.BuildServiceProvider();

        var labs = provider.GetRequiredService<IAlbLabFactory>();
        await using var lab = labs.Create("di-local").Build();
        await lab.StartAsync(cancellationToken: cancellationToken);
        TrafficReport report = await lab.VerifyTrafficAsync(cancellationToken: cancellationToken);
        #endregion
        return report;
    }
}
