using AlbBuilder.LocalCloud;

namespace AlbBuilder.Classroom.Tests.Scenarios;

/// <summary>The example of docs/classroom.md, compiled and run (keep the two alike).</summary>
public sealed class DocsExampleTests
{
    [Fact]
    public async Task ClassroomExample_StartsVerifiesAndDestroysTheClass()
    {
        var lines = new List<string>();
        await using var cloud = await LocalCloud.LocalCloud.StartAsync();

        // docs/classroom.md, "An example" — from here
        var template = AlbLab.Create()
            .WithLocalCloud(cloud)            // on AWS: .WithRegion(RegionEndpoint.EUWest1) or .WithAwsClients(ec2, elb)
            .WithInstances(2);

        await using var classroom = AlbClassroom.Create(template)
            .WithName("physics")
            .ForLearners("learner-{0:00}", 3)  // learner-01, learner-02, learner-03
            .Build();                          // validates everything; no AWS call yet

        var started = await classroom.StartAsync(new SyncProgress(e => lines.Add(e.ToString())));
        lines.Add(started.ToString());         // Start: 3 of 3 labs succeeded in 2.8 s
        foreach (var lab in started.Outcomes)
        {
            lines.Add(lab.ToString());         // learner-01 (physics-learner-01): ok in 2.8 s, http://physics-learner-01-alb-9332526620.us-east-1.elb.localhost/
        }

        var traffic = await classroom.VerifyTrafficAsync();
        lines.Add(traffic.ToString());         // VerifyTraffic: 3 of 3 labs succeeded in 0.2 s

        var destroyed = await classroom.DestroyAsync();
        lines.Add(destroyed.ToString());       // Destroy: 3 of 3 labs succeeded in 0.9 s
        // to here

        Assert.True(started.AllSucceeded && traffic.AllSucceeded && destroyed.AllSucceeded, string.Join(Environment.NewLine, lines));
        Assert.Contains(lines, l => l.StartsWith("learner-01 (physics-learner-01): ok in ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("VerifyTraffic: 3 of 3 labs succeeded in ", StringComparison.Ordinal));
        Assert.True(cloud.GetInventory().IsEmpty, cloud.GetInventory().ToString());
    }
}
