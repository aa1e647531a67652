using AlbBuilder;
using AlbBuilder.LocalCloud;
using Amazon;

namespace Snippets;

/// <summary>The code of README.md and docs/getting-started.md.</summary>
public static class GettingStarted
{
    /// <summary>The README's first example (AWS, the SDK's default credentials and region).</summary>
    public static async Task ReadmeAsync()
    {
        #region snippet:readme-quickstart
        await using var lab = AlbLab.Create("demo")
            .WithInstances(2)
            .WithUserData(UserData.HelloHttpd())
            .ListenOn(80)
            .Build();

        await lab.StartAsync();          // instances + ALB + target group + listener, waits until healthy
        #endregion
    }

    /// <summary>The design card's line: no name, so the lab draws one (<c>lab-</c> and 8 hex digits).</summary>
    public static async Task<string> UnnamedAsync()
    {
        #region snippet:api-create-unnamed
        await using var lab = AlbLab.Create().WithInstances(2).WithUserData(UserData.HelloHttpd()).ListenOn(80).Build();
        Console.WriteLine(lab.Name);       // lab-3f9c2a1b: drawn by Build(), a new one per lab
        #endregion
        return lab.Name;
    }

    /// <summary>docs/api.md's overview.</summary>
    public static async Task OverviewAsync()
    {
        #region snippet:api-overview
        await using var lab = AlbLab.Create("demo")
            .WithInstances(2)
            .WithUserData(UserData.HelloHttpd())
            .ListenOn(80)
            .WithHealthCheck(h => h with { Path = "/", Interval = TimeSpan.FromSeconds(5) })
            .WithTag("team", "platform")
            .WithTimeToLive(TimeSpan.FromHours(4))
            .Build();                      // validates; no AWS call, no credentials needed yet

        await lab.StartAsync();            // creates everything and waits until it serves
        #endregion
    }

    /// <summary>A whole lab on LocalCloud: start, browse, tear down. AlbBuilder.Docs.Tests runs it.</summary>
    public static async Task<TrafficReport> LocalAsync(CancellationToken cancellationToken = default)
    {
        #region snippet:getting-started-local
        await using var cloud = await LocalCloud.StartAsync(cancellationToken: cancellationToken);

        await using var lab = AlbLab.Create("hello")
            .WithInstances(2)
            .WithLocalCloud(cloud)       // LocalCloud's clients, clock and HTTP handler
            .Build();                    // validates; no call yet

        await lab.StartAsync(
            new Progress<LabEvent>(e => Console.WriteLine($"{e.Kind,-9} {e.Step}: {e.Message}")),
            cancellationToken);

        Console.WriteLine(lab.Url);      // http://hello-alb-….us-east-1.elb.localhost/

        TrafficReport report = await lab.VerifyTrafficAsync(new TrafficOptions { Requests = 20 }, cancellationToken);
        Console.WriteLine(report);       // 20/20 succeeded …; 2 backend(s): ip-172-31-… 10, ip-172-31-… 10 (balanced …)
        #endregion
        return report;
    }

    /// <summary>The same lab on AWS, in a region of your choice.</summary>
    public static async Task AwsAsync(CancellationToken cancellationToken = default)
    {
        #region snippet:getting-started-aws
        await using var lab = AlbLab.Create("hello")
            .WithInstances(2)
            .WithRegion(RegionEndpoint.EUWest1)       // or AWS_REGION / your profile's region
            .WithTimeToLive(TimeSpan.FromHours(4))    // an expiry tag, for sweepers
            .Build();

        try
        {
            await lab.StartAsync(new Progress<LabEvent>(e => Console.WriteLine(e.Message)), cancellationToken);
            Console.WriteLine($"Open {lab.Url}");

            TrafficReport report = await lab.VerifyTrafficAsync(cancellationToken: cancellationToken);
            Console.WriteLine(report);
        }
        catch (AlbLabException e)
        {
            // What failed, what had been created and what the rollback removed.
            Console.WriteLine($"{e.Step} failed: {e.Message}");
            throw;
        }
        // Leaving the block disposes the lab: everything it created is deleted.
        #endregion
    }
}
