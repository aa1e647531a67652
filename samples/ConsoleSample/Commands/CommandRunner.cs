using System.CommandLine;
using AlbBuilder.Sample.Cloud;
using Amazon.Runtime;
using Spectre.Console;

namespace AlbBuilder.Sample.Commands;

/// <summary>What every lab command shares: validate, confirm (AWS), open the cloud, run, report errors as exit codes.</summary>
/// <param name="console">Where everything is written.</param>
/// <param name="options">The sample's options.</param>
/// <param name="abandonRollback">The second Ctrl+C: a starting lab abandons its rollback.</param>
internal sealed class CommandRunner(IAnsiConsole console, SampleOptions options, CancellationToken abandonRollback = default)
{
    /// <summary>Whether a command creates resources, and so needs a confirmation with a cost estimate on AWS.</summary>
    public enum Creates
    {
        Nothing,
        Lab,

        /// <summary>A class of labs (<c>classroom</c>): the estimate is for all of them.</summary>
        Class,
    }

    /// <summary>The cloud settings of a parsed command line.</summary>
    public CloudSettings Cloud(ParseResult result) => options.ReadCloud(result);

    public async Task<int> RunAsync(
        ParseResult result,
        Creates creates,
        Func<LabSession, Task<int>> body,
        CancellationToken cancellationToken,
        Func<CloudSettings, LabSettings, LabSettings>? adjust = null,
        Func<CloudSettings, LabSettings, string?>? precondition = null,
        int classLabs = 0)
    {
        var cloudSettings = options.ReadCloud(result);
        var labSettings = options.ReadLab(result);
        labSettings = adjust?.Invoke(cloudSettings, labSettings) ?? labSettings;

        // Checked before any cloud is touched: nothing is created for a command that would refuse afterwards.
        var problem = cloudSettings.Aws && cloudSettings.Endpoint is not null
            ? "--aws and --endpoint exclude each other: --aws means AWS's own endpoints."
            : precondition?.Invoke(cloudSettings, labSettings);
        if (problem is not null)
        {
            console.MarkupLine($"[red]{Markup.Escape(problem)}[/]");
            return ExitCodes.Usage;
        }

        // Build() checks every setting without touching a cloud; bad values are usage errors.
        try
        {
            await using var probe = LabSession.Describe(labSettings.Name, labSettings).Build();
        }
        catch (AlbLabValidationException ex)
        {
            console.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
            return ExitCodes.Usage;
        }

        if (cloudSettings.Aws && creates != Creates.Nothing
            && !AwsConfirmation.ConfirmCreate(console, cloudSettings, labSettings, creates == Creates.Class ? classLabs : null))
        {
            console.MarkupLine("Nothing was created.");
            return ExitCodes.Failure;
        }

        ILabCloud? cloud = null;
        try
        {
            cloud = cloudSettings switch
            {
                { Aws: true } => AwsLabCloud.Create(cloudSettings.Region, cloudSettings.Profile),
                { Endpoint: { } endpoint } => EndpointLabCloud.Create(endpoint, cloudSettings.Region),
                _ => await LocalLabCloud.StartAsync(cloudSettings.Speed, cloudSettings.Instant, cancellationToken),
            };
            console.MarkupLine($"[grey]Cloud: {Markup.Escape(cloud.Description)}[/]");
            await using var session = new LabSession(console, cloud, labSettings, cancellationToken, abandonRollback);
            try
            {
                return await body(session);
            }
            catch (Exception) when (session.AbandonedRollback is { } left)
            {
                SweepCommand.PrintLeftovers(console, cloudSettings, labSettings, left);
                return cancellationToken.IsCancellationRequested ? ExitCodes.Cancelled : ExitCodes.Failure;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.MarkupLine("[yellow]Cancelled.[/] A lab that was starting has rolled back what it created; a drill has restarted its instance.");
            return ExitCodes.Cancelled;
        }
        catch (AlbLabException ex)
        {
            console.MarkupLine($"[red]✘ {Markup.Escape(ex.Message)}[/]");
            return ExitCodes.Failure;
        }
        catch (AmazonServiceException ex)
        {
            console.MarkupLine($"[red]✘ AWS said {Markup.Escape(ex.ErrorCode ?? ex.GetType().Name)}: {Markup.Escape(ex.Message)}[/]");
            return ExitCodes.Failure;
        }
        catch (HttpRequestException ex) when (cloudSettings.Endpoint is not null)
        {
            console.MarkupLine($"[red]✘ The LocalCloud server at {Markup.Escape(cloudSettings.Endpoint.ToString())} did not answer: {Markup.Escape(ex.Message)}[/] Start it with [bold]dotnet run --project src/AlbBuilder.LocalCloud.Server[/].");
            return ExitCodes.Failure;
        }
        catch (AmazonClientException ex)
        {
            console.MarkupLine($"[red]✘ The AWS SDK could not proceed: {Markup.Escape(ex.Message)}[/]");
            return ExitCodes.Failure;
        }
        catch (InvalidOperationException ex)
        {
            console.MarkupLine($"[red]✘ {Markup.Escape(ex.Message)}[/]");
            return ExitCodes.Failure;
        }
        finally
        {
            if (cloud is not null)
            {
                await cloud.DisposeAsync();
            }
        }
    }
}
