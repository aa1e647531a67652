using AlbBuilder;
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
}
