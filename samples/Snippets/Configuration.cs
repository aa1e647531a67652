using AlbBuilder;
using AlbBuilder.LocalCloud;

namespace Snippets;

/// <summary>The code of docs/configuration.md.</summary>
public static class Configuration
{
    /// <summary>Every builder method at once.</summary>
    public static IAlbLab Everything()
    {
        #region snippet:configuration-everything
        IAlbLab lab = AlbLab.Create("shop")                       // names: shop-alb, shop-tg, shop-1…
            .WithInstances(3)                                     // spread across the AZs
            .WithInstanceType("t3.small")
            .WithImage("resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64")
            .WithUserData(UserData.HelloHttpd())
            .ListenOn(8080)                                       // the ALB's port
            .WithTargetPort(80)                                   // the instances' port
            .WithHealthCheck(h => h with { Path = "/", Interval = TimeSpan.FromSeconds(10), Timeout = TimeSpan.FromSeconds(5) })
            .WithDeregistrationDelay(TimeSpan.FromSeconds(10))
            .InVpc("vpc-0123456789abcdef0")
            .InSubnets("subnet-0123456789abcdef0", "subnet-0fedcba9876543210")
            .WithTag("team", "platform")
            .WithTags(new Dictionary<string, string> { ["cost-centre"] = "1234" })
            .WithTimeouts(t => t with { LoadBalancerActive = TimeSpan.FromMinutes(30) })
            .WithTimeToLive(TimeSpan.FromHours(4))
            .WithPolling(TimeSpan.FromSeconds(5))
            .WithDirectInstanceAccess("203.0.113.7/32")
            .ConfigureRunInstances(r => r.KeyName = "my-key")
            .WithCleanUp(true)
            .Build();
        #endregion
        return lab;
    }

    /// <summary>A builder as a template.</summary>
    public static (IAlbLab Blue, IAlbLab Green) Template()
    {
        #region snippet:configuration-template
        var template = AlbLab.Create("shop").WithInstanceType("t3.small");
        var blue = template.WithTag("colour", "blue").Build();
        var green = template.WithTag("colour", "green").Build();   // doesn't carry colour=blue
        #endregion
        return (blue, green);
    }

    /// <summary>One exception lists every problem.</summary>
    public static IReadOnlyList<LabValidationProblem> Validation()
    {
        IReadOnlyList<LabValidationProblem> problems = [];
        #region snippet:configuration-validation
        try
        {
            AlbLab.Create("my_lab")
                .WithHealthCheck(h => h with { Timeout = TimeSpan.FromSeconds(5) })   // not shorter than the 5 s interval
                .WithInstances(50)
                .Build();
        }
        catch (AlbLabValidationException e)
        {
            foreach (LabValidationProblem problem in e.Problems)
            {
                Console.WriteLine(problem);   // field = value: fix
            }

            problems = e.Problems;
        }
        #endregion
        return problems;
    }

    /// <summary>The escape hatch on RunInstances.</summary>
    public static IAlbLab EscapeHatch()
    {
        #region snippet:configuration-run-instances
        IAlbLab lab = AlbLab.Create("debug")
            .ConfigureRunInstances(r => r.KeyName = "my-key")
            .ConfigureRunInstances(r => r.IamInstanceProfile = new Amazon.EC2.Model.IamInstanceProfileSpecification { Name = "lab-ssm" })
            .WithDirectInstanceAccess("203.0.113.7/32")   // your address, to compare the ALB's answers with an instance's
            .Build();
        #endregion
        return lab;
    }

    /// <summary>Fast settings for a LocalCloud test.</summary>
    public static IAlbLab ForLocalCloud(LocalCloud cloud)
    {
        #region snippet:configuration-localcloud
        IAlbLab lab = AlbLab.Create("test")
            .WithLocalCloud(cloud)                          // clients, clock, traffic handler, polling
            .WithTimeouts(t => t with { TargetsHealthy = TimeSpan.FromSeconds(30) })
            .Build();
        #endregion
        return lab;
    }
}
