using System.Text.RegularExpressions;
using Amazon.EC2.Model;

namespace AlbBuilder.LocalCloud.Server.Tests;

/// <summary>
/// The seed's browser steps in a real headless Chromium: open the load balancer's URL and reload until both instances
/// have answered; stop one, reload, only the survivor answers; start it, both answer again.
/// </summary>
public sealed partial class BrowserTests
{
    private static readonly TimeSpan _patience = TimeSpan.FromSeconds(90);

    [RequiresToolFact("chromium", "chromium")]
    public async Task Chromium_SeesBothInstances_OnlyTheSurvivor_ThenBothAgain()
    {
        await using var cloud = await LocalCloud.StartAsync(new LocalCloudOptions { PublishDataPlane = true });
        await using var lab = AlbLab.Create("browser").WithInstances(2).WithLocalCloud(cloud).Build();
        await lab.StartAsync();
        var url = cloud.ResolveUrl(lab.Url!) ?? throw new InvalidOperationException("The load balancer answers nowhere.");
        Assert.EndsWith(".localhost", url.Host, StringComparison.Ordinal);
        var status = await lab.GetStatusAsync();
        var hosts = status.Instances.Select(i => i.PrivateDnsName!).ToList();

        Assert.True(await ReloadUntilAsync(url, seen => seen.SetEquals(hosts)), "Chromium never saw both instances.");

        using var ec2 = cloud.CreateEc2Client();
        await ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [status.Instances[0].InstanceId] });
        await WaitForAsync(lab, s => s.Instances[0].State == "stopped" && s.Instances[0].TargetState != "healthy");
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(hosts[1], HostOf(await Chromium.DumpDomAsync(url)));
        }

        await ec2.StartInstancesAsync(new StartInstancesRequest { InstanceIds = [status.Instances[0].InstanceId] });
        await lab.WaitForHealthyAsync(TimeSpan.FromSeconds(60));
        Assert.True(await ReloadUntilAsync(url, seen => seen.SetEquals(hosts)), "Chromium never saw both instances after the restart.");

        var screenshot = Path.Combine(Path.GetTempPath(), $"albbuilder-browser-{Guid.NewGuid():N}.png");
        await Chromium.ScreenshotAsync(url, screenshot);
        Assert.True(new FileInfo(screenshot).Length > 1000, "the screenshot is empty");
        File.Delete(screenshot);
    }

    private static async Task WaitForAsync(IAlbLab lab, Func<LabStatus, bool> done)
    {
        var deadline = DateTimeOffset.UtcNow + _patience;
        while (!done(await lab.GetStatusAsync()))
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "The lab never reached the expected state.");
            await Task.Delay(100);
        }
    }

    /// <summary>Reloads (a new headless page load each time) until the set of hosts seen satisfies <paramref name="done"/>.</summary>
    private static async Task<bool> ReloadUntilAsync(Uri url, Func<HashSet<string>, bool> done)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var deadline = DateTimeOffset.UtcNow + _patience;
        while (DateTimeOffset.UtcNow < deadline)
        {
            seen.Add(HostOf(await Chromium.DumpDomAsync(url)));
            if (done(seen))
            {
                return true;
            }
        }

        return false;
    }

    private static string HostOf(string dom) =>
        HelloPattern().Match(dom) is { Success: true } match ? match.Groups["host"].Value : $"(no Hello World page: {dom})";

    [GeneratedRegex(@"Hello World from (?<host>[\w.-]+)")]
    private static partial Regex HelloPattern();
}
