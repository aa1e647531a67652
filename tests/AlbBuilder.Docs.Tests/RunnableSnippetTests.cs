using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Snippets;

namespace AlbBuilder.Docs.Tests;

/// <summary>The snippets that can run without AWS do run, and do what their docs say.</summary>
public sealed class RunnableSnippetTests
{
    [Fact]
    public async Task GettingStartedLocal_StartsALabThatServesFromBothInstances()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        var report = await GettingStarted.LocalAsync(timeout.Token);

        Assert.True(report.AllSucceeded, report.ToString());
        Assert.Equal(20, report.Total);
        Assert.Equal(2, report.DistinctBackends);
    }

    [Fact]
    public async Task DependencyInjectionUseLocalCloud_FactoryLabServesFromBothInstances()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        var report = await Snippets.DependencyInjection.UseLocalCloudAsync(timeout.Token);

        Assert.True(report.AllSucceeded, report.ToString());
        Assert.Equal(2, report.DistinctBackends);
    }

    [Fact]
    public async Task CardLine_WithoutAName_BuildsALabWithAGeneratedName()
    {
        var name = await GettingStarted.UnnamedAsync();

        Assert.Matches("^lab-[0-9a-f]{8}$", name);
    }

    [Fact]
    public async Task ConfigurationEverything_IsAValidDefinition()
    {
        // Build() validates everything; a doc example that would be rejected fails here.
        await using var lab = Configuration.Everything();

        Assert.Equal("shop", lab.Name);
        Assert.Equal(LabState.NotStarted, lab.State);
    }

    [Fact]
    public async Task ConfigurationTemplate_BuildsTwoLabsFromOneBuilder()
    {
        var (blue, green) = Configuration.Template();
        await using var _ = blue;
        await using var __ = green;

        Assert.Equal(blue.Name, green.Name);
    }

    [Fact]
    public void ConfigurationValidation_PrintsWhatTheDocShows()
    {
        var problems = Configuration.Validation();

        var shown = OutputBlock("docs/configuration.md", "configuration-validation");
        Assert.Equal(shown, problems.Select(p => p.ToString()).ToList());
        Assert.Equal(["Create(name)", "WithInstances", "WithHealthCheck.Timeout"], problems.Select(p => p.Field));
    }

    /// <summary>The lines of the plain code block marked <c>&lt;!-- output: name --&gt;</c>.</summary>
    private static List<string> OutputBlock(string file, string name)
    {
        var lines = RepositoryFiles.Read(file).ReplaceLineEndings("\n").Split('\n');
        var marker = Array.IndexOf(lines, $"<!-- output: {name} -->");
        Assert.True(marker >= 0 && lines[marker + 1] == "```", $"{file} has no output block {name}.");
        var close = Array.IndexOf(lines, "```", marker + 2);
        return [.. lines[(marker + 2)..close]];
    }

    [Fact]
    public async Task ConfigurationEscapeHatch_IsAValidDefinition()
    {
        await using var lab = Configuration.EscapeHatch();

        Assert.Equal(LabState.NotStarted, lab.State);
    }

    [Fact]
    public void DiRegisterConfiguration_BindsTheSectionTheCommentShows()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream("""{ "AlbBuilder": { "Region": "eu-west-1", "InstanceCount": 3, "TimeToLive": "04:00:00" } }"""u8.ToArray()))
            .Build();
        using var provider = Snippets.DependencyInjection.Register(configuration, fromConfiguration: true);

        var options = provider.GetRequiredService<IOptions<AlbBuilderOptions>>().Value;

        Assert.Equal("eu-west-1", options.Region);
        Assert.Equal(3, options.InstanceCount);
        Assert.Equal(TimeSpan.FromHours(4), options.TimeToLive);
        Assert.NotNull(provider.GetRequiredService<IAlbLabFactory>());
    }

    [Fact]
    public void DiRegister_SetsTheOptionsInCode()
    {
        using var provider = Snippets.DependencyInjection.Register(new ConfigurationBuilder().Build(), fromConfiguration: false);

        var options = provider.GetRequiredService<IOptions<AlbBuilderOptions>>().Value;

        Assert.Equal("eu-west-1", options.Region);
        Assert.Equal("t3.small", options.InstanceType);
    }
}
