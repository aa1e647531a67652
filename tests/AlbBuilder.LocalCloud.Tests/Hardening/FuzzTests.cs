using System.Diagnostics;
using System.Net;
using System.Xml;
using System.Xml.Linq;
using AlbBuilder.LocalCloud.Ec2;
using AlbBuilder.LocalCloud.Elbv2;
using Xunit.Abstractions;

namespace AlbBuilder.LocalCloud.Tests.Hardening;

/// <summary>
/// Issue 14's acceptance: a bounded, seeded fuzz over every operation LocalCloud serves. Every answer is well-formed
/// XML in the service's format (a success body, or an error with an AWS code), never a 5xx (no fault is injected);
/// memory stays bounded; a normal lab runs afterwards. The seed fixes the sequence of kinds, actions, parameters and
/// values (only the ids drawn from earlier answers differ between runs); a failure prints the whole request.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20261130;
    private const int Requests = 3000;
    private static readonly XNamespace _ec2Ns = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private static readonly XNamespace _elbNs = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";

    [Fact]
    public async Task EveryOperation_HostileInput_AnswersAwsShapedXml_No5xx_BoundedMemory_LabRunsAfter()
    {
        await using var cloud = await LocalCloud.StartAsync(new LocalCloudOptions { OnDemandVcpuLimit = 32 });
        using var query = new SignedQuery(cloud);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var ec2Actions = Ec2Api.Operations.Order(StringComparer.Ordinal).ToList();
        var elbActions = Elbv2Api.Operations.Order(StringComparer.Ordinal).ToList();
        var cases = new FuzzCases(Seed);
        await query.Ec2Async("Action=DescribeVpcs"); // warm up before the memory baseline
        var (managedStart, rssStart) = Memory();
        var (managedBefore, rssBefore) = (managedStart, rssStart);
        var failures = new List<(string Kind, string What)>();
        var watch = Stopwatch.StartNew();

        for (var n = 0; n < Requests; n++)
        {
            if (n == Requests / 2)
            {
                // Pools (Kestrel's, ArrayPool's) fill up in the first half; what grows in the second is kept state.
                (managedBefore, rssBefore) = Memory();
            }

            var fuzz = cases.Next(n, ec2Actions, elbActions);
            using var request = query.BuildRaw(fuzz.Method, fuzz.Service, fuzz.Query, fuzz.Body, fuzz.ContentType);
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            cases.Harvest(text);
            if (Check(fuzz, (int)response.StatusCode, text) is { } problem)
            {
                failures.Add((fuzz.Kind, $"{problem}: {fuzz} → {(int)response.StatusCode} {Shorten(text)}"));
            }
        }

        var elapsed = watch.Elapsed;
        var (managedAfter, rssAfter) = Memory();
        output.WriteLine($"seed {Seed}: {Requests} requests in {elapsed.TotalSeconds:F1} s; managed {managedStart / 1_000_000} → {managedBefore / 1_000_000} (half) → {managedAfter / 1_000_000} MB, RSS {rssStart / 1_000_000} → {rssBefore / 1_000_000} (half) → {rssAfter / 1_000_000} MB");
        foreach (var kind in failures.GroupBy(f => f.Kind))
        {
            output.WriteLine($"kind {kind.Key}: {kind.Count()} failures, e.g. {kind.First().What}");
        }

        await AssertLabRunsAsync(cloud);
        Assert.True(failures.Count == 0, $"{failures.Count} bad answers in kinds [{string.Join(", ", failures.Select(f => f.Kind).Distinct())}]; first: {failures.FirstOrDefault().What}");
        Assert.True(managedAfter - managedBefore < 48_000_000, $"managed memory grew in the second half: {managedBefore} → {managedAfter}");
        Assert.True(rssAfter - rssBefore < 256_000_000, $"RSS grew in the second half: {rssBefore} → {rssAfter}");
        Assert.True(rssAfter - rssStart < 1_000_000_000, $"RSS grew {rssStart} → {rssAfter}");
    }

    /// <summary>What is wrong with an answer, or null when it is a well-formed AWS answer of the request's service.</summary>
    private static string? Check(FuzzCase fuzz, int status, string text)
    {
        if (status >= 500)
        {
            return "5xx without an injected fault";
        }

        XDocument body;
        try
        {
            body = XDocument.Parse(text);
        }
        catch (XmlException ex)
        {
            return "not well-formed XML (" + ex.Message + ")";
        }

        var root = body.Root!;
        var ec2 = fuzz.Service == "ec2";
        if (status == 200)
        {
            var expected = (ec2 ? _ec2Ns : _elbNs) + (fuzz.Action + "Response");
            return root.Name == expected ? null : $"a 200 whose root is {root.Name}, not {expected}";
        }

        var code = ec2
            ? root.Name == "Response" ? root.Element("Errors")?.Element("Error")?.Element("Code")?.Value : null
            : root.Name.LocalName == "ErrorResponse" ? root.Elements().FirstOrDefault(e => e.Name.LocalName == "Error")?.Elements().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value : null;
        return string.IsNullOrEmpty(code) ? $"a {status} that is not {(ec2 ? "EC2's Response/Errors/Error/Code" : "ELBv2's ErrorResponse/Error/Code")}" : null;
    }

    private static async Task AssertLabRunsAsync(LocalCloud cloud)
    {
        // Free the fuzz's instances the way a user at the vCPU quota would; describing them proves the state still reads.
        using var ec2 = cloud.CreateEc2Client();
        var live = ((await ec2.DescribeInstancesAsync(new Amazon.EC2.Model.DescribeInstancesRequest())).Reservations ?? [])
            .SelectMany(r => r.Instances ?? []).Where(i => i.State.Name != "terminated").Select(i => i.InstanceId).ToList();
        if (live.Count > 0)
        {
            await ec2.TerminateInstancesAsync(new Amazon.EC2.Model.TerminateInstancesRequest { InstanceIds = live });
        }

        var lab = AlbLab.Create("after-fuzz").WithInstances(2).WithLocalCloud(cloud).Build();
        await lab.StartAsync();
        var traffic = await lab.VerifyTrafficAsync();
        await lab.DestroyAsync();

        Assert.True(traffic.AllSucceeded, traffic.ToString());
        Assert.Equal(2, traffic.DistinctBackends);
    }

    private static (long Managed, long Rss) Memory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}

/// <summary>The fuzz runs alone: its memory figures must be its own, not those of tests running beside it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FuzzCollection
{
    public const string Name = "Fuzz";
}
