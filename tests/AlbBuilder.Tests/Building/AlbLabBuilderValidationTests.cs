using AlbBuilder.ElasticLoadBalancingV2;
using Amazon;
using Amazon.EC2;
using NSubstitute;

namespace AlbBuilder.Tests.Building;

public sealed class AlbLabBuilderValidationTests
{
    private const string Subnet1 = "subnet-0123456789abcdef0";

    /// <summary>One bad input: what to build, and the problem the exception must list (field, a fragment of the value, a fragment of the fix).</summary>
    private sealed record BadInput(Func<AlbLabBuilder> Build, string Field, string Value, string Fix);

    private static readonly Dictionary<string, BadInput> Cases = new()
    {
        ["name empty"] = new(() => AlbLab.Create(""), "Create(name)", "''", "1–28"),
        ["name 29 chars"] = new(() => AlbLab.Create(new string('a', 29)), "Create(name)", "'" + new string('a', 29) + "'", "1–28"),
        ["name underscore"] = new(() => AlbLab.Create("my_lab"), "Create(name)", "'my_lab'", "'_'"),
        ["name non-ASCII letter"] = new(() => AlbLab.Create("café"), "Create(name)", "'café'", "'é'"),
        ["name leading hyphen"] = new(() => AlbLab.Create("-lab"), "Create(name)", "'-lab'", "hyphen"),
        ["name trailing hyphen"] = new(() => AlbLab.Create("lab-"), "Create(name)", "'lab-'", "hyphen"),
        ["name internal-"] = new(() => AlbLab.Create("internal-lab"), "Create(name)", "'internal-lab'", "internal-"),
        ["name sg-"] = new(() => AlbLab.Create("sg-lab"), "Create(name)", "'sg-lab'", "sg-"),
        ["instances 0"] = new(() => Valid().WithInstances(0), "WithInstances", "0", "1–20"),
        ["instances over cap"] = new(() => Valid().WithInstances(AlbLab.MaxInstances + 1), "WithInstances", "21", "1–20"),
        ["instance type empty"] = new(() => Valid().WithInstanceType(""), "WithInstanceType", "''", "t3.micro"),
        ["instance type without size"] = new(() => Valid().WithInstanceType("t3micro"), "WithInstanceType", "'t3micro'", "family.size"),
        ["instance type upper case"] = new(() => Valid().WithInstanceType("T3.Micro"), "WithInstanceType", "'T3.Micro'", "lower case"),
        ["image short ami id"] = new(() => Valid().WithImage("ami-123"), "WithImage", "'ami-123'", "8 or 17 hex"),
        ["image ami id not hex"] = new(() => Valid().WithImage("ami-0123456789abcdefg"), "WithImage", "'ami-0123456789abcdefg'", "8 or 17 hex"),
        ["image ssm without parameter"] = new(() => Valid().WithImage("resolve:ssm:"), "WithImage", "'resolve:ssm:'", "resolve:ssm:"),
        ["image name"] = new(() => Valid().WithImage("ubuntu-22.04"), "WithImage", "'ubuntu-22.04'", "ami-"),
        ["user data empty"] = new(() => Valid().WithUserData(""), "WithUserData", "0 bytes", "UserData.HelloHttpd()"),
        ["user data blank"] = new(() => Valid().WithUserData("  \n"), "WithUserData", "3 bytes", "UserData.HelloHttpd()"),
        ["user data over 16 KB"] = new(() => Valid().WithUserData(new string('x', 16385)), "WithUserData", "16385 bytes", "16384"),
        ["listener port 0"] = new(() => Valid().ListenOn(0), "ListenOn", "0", "1 to 65535"),
        ["listener port 65536"] = new(() => Valid().ListenOn(65536), "ListenOn", "65536", "1 to 65535"),
        ["target port negative"] = new(() => Valid().WithTargetPort(-1), "WithTargetPort", "-1", "1 to 65535"),
        ["health path relative"] = new(() => Valid().WithHealthCheck(h => h with { Path = "health" }), "WithHealthCheck.Path", "'health'", "starts with '/'"),
        ["health path too long"] = new(() => Valid().WithHealthCheck(h => h with { Path = "/" + new string('p', 1024) }), "WithHealthCheck.Path", "(1025 characters)", "1024"),
        ["health interval 4 s"] = new(() => Valid().WithHealthCheck(h => h with { Interval = TimeSpan.FromSeconds(4), Timeout = TimeSpan.FromSeconds(2) }), "WithHealthCheck.Interval", "4 s", "5 to 300"),
        ["health interval 301 s"] = new(() => Valid().WithHealthCheck(h => h with { Interval = TimeSpan.FromSeconds(301) }), "WithHealthCheck.Interval", "301 s", "5 to 300"),
        ["health interval fraction"] = new(() => Valid().WithHealthCheck(h => h with { Interval = TimeSpan.FromSeconds(10.5) }), "WithHealthCheck.Interval", "10.5 s", "whole seconds"),
        ["health timeout 1 s"] = new(() => Valid().WithHealthCheck(h => h with { Timeout = TimeSpan.FromSeconds(1) }), "WithHealthCheck.Timeout", "1 s", "2 to 120"),
        ["health timeout 121 s"] = new(() => Valid().WithHealthCheck(h => h with { Interval = TimeSpan.FromSeconds(300), Timeout = TimeSpan.FromSeconds(121) }), "WithHealthCheck.Timeout", "121 s", "2 to 120"),
        ["health timeout equals interval"] = new(() => Valid().WithHealthCheck(h => h with { Interval = TimeSpan.FromSeconds(10), Timeout = TimeSpan.FromSeconds(10) }), "WithHealthCheck.Timeout", "10 s", "shorter than the interval (10 s)"),
        ["healthy threshold 1"] = new(() => Valid().WithHealthCheck(h => h with { HealthyThreshold = 1 }), "WithHealthCheck.HealthyThreshold", "1", "2 to 10"),
        ["unhealthy threshold 11"] = new(() => Valid().WithHealthCheck(h => h with { UnhealthyThreshold = 11 }), "WithHealthCheck.UnhealthyThreshold", "11", "2 to 10"),
        ["matcher empty"] = new(() => Valid().WithHealthCheck(h => h with { Matcher = "" }), "WithHealthCheck.Matcher", "''", "200 to 499"),
        ["matcher 199"] = new(() => Valid().WithHealthCheck(h => h with { Matcher = "199" }), "WithHealthCheck.Matcher", "'199'", "200 to 499"),
        ["matcher 500"] = new(() => Valid().WithHealthCheck(h => h with { Matcher = "500" }), "WithHealthCheck.Matcher", "'500'", "200 to 499"),
        ["matcher reversed range"] = new(() => Valid().WithHealthCheck(h => h with { Matcher = "299-200" }), "WithHealthCheck.Matcher", "'299-200'", "'200-299'"),
        ["matcher not a code"] = new(() => Valid().WithHealthCheck(h => h with { Matcher = "200,abc" }), "WithHealthCheck.Matcher", "'200,abc'", "'200,202'"),
        ["matcher with space"] = new(() => Valid().WithHealthCheck(h => h with { Matcher = "200, 202" }), "WithHealthCheck.Matcher", "'200, 202'", "'200,202'"),
        ["deregistration delay negative"] = new(() => Valid().WithDeregistrationDelay(TimeSpan.FromSeconds(-1)), "WithDeregistrationDelay", "-1 s", "0 to 3600"),
        ["deregistration delay 3601 s"] = new(() => Valid().WithDeregistrationDelay(TimeSpan.FromSeconds(3601)), "WithDeregistrationDelay", "3601 s", "0 to 3600"),
        ["deregistration delay fraction"] = new(() => Valid().WithDeregistrationDelay(TimeSpan.FromMilliseconds(1500)), "WithDeregistrationDelay", "1.5 s", "whole seconds"),
        ["vpc id malformed"] = new(() => Valid().InVpc("vpc-xyz"), "InVpc", "'vpc-xyz'", "'vpc-'"),
        ["one subnet"] = new(() => Valid().InSubnets(Subnet1), "InSubnets", "['" + Subnet1 + "']", "at least 2"),
        ["no subnets"] = new(() => Valid().InSubnets(), "InSubnets", "[]", "at least 2"),
        ["duplicate subnets"] = new(() => Valid().InSubnets(Subnet1, "subnet-0aaaaaaa", Subnet1), "InSubnets", "'" + Subnet1 + "'", "each subnet once"),
        ["subnet id malformed"] = new(() => Valid().InSubnets(Subnet1, "sub-12345678"), "InSubnets", "'sub-12345678'", "'subnet-'"),
        ["tag key empty"] = new(() => Valid().WithTag("", "x"), "WithTags['']", "'x'", "1–128"),
        ["tag key 129 chars"] = new(() => Valid().WithTag(new string('k', 129), "x"), "WithTags['" + new string('k', 32) + "…' (129 characters)]", "'x'", "1–128"),
        ["tag value 257 chars"] = new(() => Valid().WithTag("env", new string('v', 257)), "WithTags['env']", "(257 characters)", "at most 256"),
        ["tag key aws:"] = new(() => Valid().WithTag("AWS:owner", "me"), "WithTags['AWS:owner']", "'me'", "'aws:'"),
        ["tag value aws:"] = new(() => Valid().WithTag("owner", "aws:me"), "WithTags['owner']", "'aws:me'", "'aws:'"),
        ["tag key albbuilder:"] = new(() => Valid().WithTags(new Dictionary<string, string> { [LabTags.Lab] = "other" }), "WithTags['albbuilder:lab']", "'other'", "ownership"),
        ["tag key Name"] = new(() => Valid().WithTag("Name", "mine"), "WithTags['Name']", "'mine'", "names each resource"),
        ["tag key given twice"] = new(() => Valid().WithTag("env", "a").WithTags(new Dictionary<string, string> { ["env"] = "b" }), "WithTags['env']", "'a', 'b'", "once"),
        ["tag key bad character"] = new(() => Valid().WithTag("cost*center", "x"), "WithTags['cost*center']", "'x'", "_ . : / = + - @"),
        ["too many tags"] = new(() => Valid().WithTags(Enumerable.Range(0, AlbLab.MaxUserTags + 1).ToDictionary(i => "k" + i, i => "v")), "WithTags", "45 tags", "at most 44"),
        ["timeout zero"] = new(() => Valid().WithTimeouts(t => t with { TargetsHealthy = TimeSpan.Zero }), "WithTimeouts.TargetsHealthy", "0 s", "positive"),
        ["timeout negative"] = new(() => Valid().WithTimeouts(LabTimeouts.Default with { Teardown = TimeSpan.FromSeconds(-5) }), "WithTimeouts.Teardown", "-5 s", "positive"),
        ["time to live zero"] = new(() => Valid().WithTimeToLive(TimeSpan.Zero), "WithTimeToLive", "0 s", "positive"),
        ["poll interval 5 ms"] = new(() => Valid().WithPolling(TimeSpan.FromMilliseconds(5)), "WithPolling", "0.005 s", "10 ms to 5 minutes"),
        ["poll interval 6 minutes"] = new(() => Valid().WithPolling(TimeSpan.FromMinutes(6)), "WithPolling", "360 s", "10 ms to 5 minutes"),
        ["cidr prefix 33"] = new(() => Valid().WithDirectInstanceAccess("10.0.0.0/33"), "WithDirectInstanceAccess", "'10.0.0.0/33'", "n 0–32"),
        ["cidr octet 300"] = new(() => Valid().WithDirectInstanceAccess("300.0.0.1/32"), "WithDirectInstanceAccess", "'300.0.0.1/32'", "octets 0–255"),
        ["cidr without prefix"] = new(() => Valid().WithDirectInstanceAccess("203.0.113.7"), "WithDirectInstanceAccess", "'203.0.113.7'", "a.b.c.d/n"),
        ["cidr three octets"] = new(() => Valid().WithDirectInstanceAccess("10.0.0/8"), "WithDirectInstanceAccess", "'10.0.0/8'", "a.b.c.d/n"),
        ["region with own clients"] = new(
            () => Valid().WithAwsClients(Substitute.For<IAmazonEC2>(), Substitute.For<IAmazonElasticLoadBalancingV2>()).WithRegion(RegionEndpoint.EUWest1),
            "WithRegion",
            "'eu-west-1'",
            "WithAwsClients"),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Fact]
    public void Cases_CoverAtLeastThirtyBadInputs() => Assert.True(Cases.Count >= 30, $"{Cases.Count} cases");

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Build_BadInput_ListsTheFieldWithItsValueAndAFix(string caseName)
    {
        var bad = Cases[caseName];
        var builder = bad.Build();

        var exception = Assert.Throws<AlbLabValidationException>(() => builder.Build());

        // Exactly one problem: the defaults around the bad input are valid, and the input is reported once.
        var problem = Assert.Single(exception.Problems);
        Assert.Equal(bad.Field, problem.Field);
        Assert.Contains(bad.Value, problem.Value, StringComparison.Ordinal);
        Assert.Contains(bad.Fix, problem.Fix, StringComparison.Ordinal);
        Assert.Contains($"{problem.Field} = {problem.Value}: {problem.Fix}", exception.Message, StringComparison.Ordinal);
        Assert.Equal(bad.Field, exception.ParamName);
    }

    [Fact]
    public void Build_SeveralProblems_ParamNameIsTheFirstProblemsField_AndTheMessageHasNoParameterSuffix()
    {
        var exception = Assert.Throws<AlbLabValidationException>(() => AlbLab.Create("demo").ListenOn(0).WithTag("Name", "mine").Build());

        Assert.Equal("ListenOn", exception.ParamName);
        Assert.Equal(2, exception.Problems.Count);
        Assert.Contains("WithTags['Name'] = 'mine': Don't set 'Name'", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SeveralProblems_ListsThemAllInOneException()
    {
        var builder = AlbLab.Create("-bad_name")
            .WithInstances(0)
            .ListenOn(70000)
            .WithUserData("")
            .WithHealthCheck(h => h with { Interval = TimeSpan.FromSeconds(5), Timeout = TimeSpan.FromSeconds(5), Matcher = "600" })
            .WithTag("aws:team", "x")
            .WithDirectInstanceAccess("1.2.3.4/40");

        var exception = Assert.Throws<AlbLabValidationException>(() => builder.Build());

        string[] expected =
        [
            "Create(name) = '-bad_name'",
            "WithInstances = 0",
            "ListenOn = 70000",
            "WithUserData = 0 bytes",
            "WithHealthCheck.Timeout = 5 s",
            "WithHealthCheck.Matcher = '600'",
            "WithTags['aws:team'] = 'x'",
            "WithDirectInstanceAccess = '1.2.3.4/40'",
        ];
        foreach (var line in expected)
        {
            Assert.Contains(line, exception.Message, StringComparison.Ordinal);
        }

        // The name breaks two rules (an underscore and a leading hyphen); each is its own problem.
        Assert.Equal(2, exception.Problems.Count(p => p.Field == "Create(name)"));
        Assert.Equal(expected.Length + 1, exception.Problems.Count);
        Assert.StartsWith($"The lab definition has {expected.Length + 1} problem(s):", exception.Message, StringComparison.Ordinal);
        Assert.All(exception.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Fix)));
    }

    [Fact]
    public void Build_BadInput_IsAnArgumentException()
    {
        var exception = Assert.Throws<AlbLabValidationException>(() => AlbLab.Create("").Build());

        Assert.IsAssignableFrom<ArgumentException>(exception);
    }

    public static TheoryData<string, Func<AlbLabBuilder, AlbLabBuilder>> BoundaryValues => new()
    {
        { "name of 28 characters", _ => AlbLab.Create(new string('a', 28)) },
        { "name of 1 character", _ => AlbLab.Create("a") },
        { "name with inner hyphens", _ => AlbLab.Create("my-lab-2") },
        { "1 instance", b => b.WithInstances(1) },
        { "20 instances", b => b.WithInstances(AlbLab.MaxInstances) },
        { "ami id of 8 hex", b => b.WithImage("ami-0abc1234") },
        { "ami id of 17 hex", b => b.WithImage("ami-0123456789abcdef0") },
        { "ssm parameter with version", b => b.WithImage("resolve:ssm:/my/ami:3") },
        { "instance type with dash", b => b.WithInstanceType("u-6tb1.metal") },
        { "user data of exactly 16384 bytes", b => b.WithUserData(new string('x', UserData.MaxBytes)) },
        { "ports 1 and 65535", b => b.ListenOn(1).WithTargetPort(65535) },
        { "health check at its lower limits", b => b.WithHealthCheck(new HealthCheckSettings("/", TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2), 2, 2, "200")) },
        { "health check at its upper limits", b => b.WithHealthCheck(new HealthCheckSettings("/" + new string('p', 1023), TimeSpan.FromSeconds(300), TimeSpan.FromSeconds(120), 10, 10, "499")) },
        { "matcher list", b => b.WithHealthCheck(h => h with { Matcher = "200,202,301" }) },
        { "matcher range", b => b.WithHealthCheck(h => h with { Matcher = "200-299" }) },
        { "deregistration delay 0", b => b.WithDeregistrationDelay(TimeSpan.Zero) },
        { "deregistration delay 3600 s", b => b.WithDeregistrationDelay(TimeSpan.FromHours(1)) },
        { "two subnets", b => b.InVpc("vpc-0abc1234").InSubnets("subnet-0abc1234", "subnet-0123456789abcdef0") },
        { "44 tags with empty values", b => b.WithTags(Enumerable.Range(0, AlbLab.MaxUserTags).ToDictionary(i => "k" + i, _ => "")) },
        { "tag with unicode letters, spaces and symbols", b => b.WithTag("Équipe / owner", "Zoë + team@example.com") },
        { "tags differing only in case", b => b.WithTag("env", "a").WithTag("Env", "b") },
        { "cidr for everyone", b => b.WithDirectInstanceAccess("0.0.0.0/0") },
        { "cidr for one address", b => b.WithDirectInstanceAccess("203.0.113.255/32") },
        { "region alone", b => b.WithRegion(RegionEndpoint.USEast1) },
    };

    [Theory]
    [MemberData(nameof(BoundaryValues))]
    public void Build_ValueAtTheLimit_IsAccepted(string description, Func<AlbLabBuilder, AlbLabBuilder> configure)
    {
        var builder = configure(Valid());

        var problems = builder.Validate();

        Assert.True(problems.Count == 0, description + ": " + string.Join("; ", problems));
    }

    private static AlbLabBuilder Valid() => AlbLab.Create("demo");
}
