using AlbBuilder.Sample.Cloud;
using AlbBuilder.Sample.Rendering;
using Spectre.Console;

namespace AlbBuilder.Sample.Commands;

/// <summary>One command's lab on one cloud: the steps the commands combine, each drawn on the console.</summary>
internal sealed class LabSession : IAsyncDisposable
{
    private readonly IAnsiConsole _console;
    private readonly CancellationToken _cancellationToken;
    private readonly CancellationToken _abandonRollback;
    private bool _keepOnExit;

    public LabSession(IAnsiConsole console, ILabCloud cloud, LabSettings settings, CancellationToken cancellationToken, CancellationToken abandonRollback = default)
    {
        _console = console;
        Cloud = cloud;
        Settings = settings;
        _cancellationToken = cancellationToken;
        _abandonRollback = abandonRollback;
        Lab = BuildLab(cloud, settings.Name, settings);
    }

    public ILabCloud Cloud { get; }

    public LabSettings Settings { get; }

    public IAlbLab Lab { get; }

    public IAnsiConsole Console => _console;

    public CancellationToken CancellationToken => _cancellationToken;

    /// <summary>The second Ctrl+C: a start that is rolling back abandons its rollback.</summary>
    public CancellationToken AbandonRollbackToken => _abandonRollback;

    /// <summary>What a start left behind when its rollback was abandoned (the second Ctrl+C); null otherwise.</summary>
    public LabResourceSet? AbandonedRollback { get; private set; }

    /// <summary>The last status read, to name the backends after their instances.</summary>
    public LabStatus? LastStatus { get; private set; }

    /// <summary>The lab description every command uses; <c>Build()</c> validates it without touching any cloud.</summary>
    public static AlbLabBuilder Describe(string name, LabSettings settings) =>
        AlbLab.Create(name).WithInstances(settings.Instances).WithInstanceType(LabSettings.InstanceType).WithTimeToLive(settings.TimeToLive);

    public static IAlbLab BuildLab(ILabCloud cloud, string name, LabSettings settings) => cloud.Configure(Describe(name, settings)).Build();

    /// <summary>
    /// Creates the lab with live progress. Cancelling rolls back what was created (the lab does it); the second
    /// cancellation abandons that rollback, and the rest is kept (not torn down on dispose) for a later sweep.
    /// </summary>
    public async Task StartAsync()
    {
        _console.Write(new Rule($"[bold]up[/] — lab [bold]{Markup.Escape(Lab.Name)}[/]").LeftJustified());
        using var abandon = _abandonRollback.Register(Lab.AbandonRollback);
        try
        {
            await LabProgressView.RunAsync(_console, "Starting the lab…", p => Lab.StartAsync(p, _cancellationToken));
        }
        catch (Exception ex) when (_abandonRollback.IsCancellationRequested && (ex as AlbLabException ?? ex.InnerException as AlbLabException) is { } failure)
        {
            // Nothing left means the rollback had finished anyway: an ordinary cancellation.
            var left = failure.Created.Except(failure.Removed);
            if (!left.IsEmpty)
            {
                AbandonedRollback = left;
                KeepLab();
            }

            throw;
        }

        var url = Lab.Url is { } awsUrl && Cloud is EndpointLabCloud server ? await server.ResolveAsync(awsUrl, _cancellationToken) ?? awsUrl : Lab.Url;
        _console.MarkupLine($"Load balancer URL: [link]{Markup.Escape(url?.ToString() ?? "-")}[/]");
        if (Cloud.IsLocal)
        {
            LocalNote.PrintUserData(_console);
        }
    }

    /// <summary>Finds a lab started earlier (by another run, on AWS) by its ownership tags.</summary>
    public async Task<bool> AttachAsync()
    {
        if (await Lab.AttachAsync(_cancellationToken))
        {
            return true;
        }

        _console.MarkupLine($"[yellow]No lab named {Markup.Escape(Lab.Name)} in {Markup.Escape(Cloud.Description)}.[/] Start one with [bold]up[/].");
        return false;
    }

    public async Task<LabStatus> ShowStatusAsync()
    {
        _console.Write(new Rule("[bold]status[/]").LeftJustified());
        LastStatus = await Lab.GetStatusAsync(_cancellationToken);
        StatusView.Render(_console, LastStatus);
        return LastStatus;
    }

    /// <summary>Sends requests through the load balancer and charts who answered; true when all succeeded and every instance served.</summary>
    public async Task<bool> VerifyAsync(int requests)
    {
        _console.Write(new Rule("[bold]verify[/] — traffic through the load balancer").LeftJustified());
        LastStatus ??= await Lab.GetStatusAsync(_cancellationToken);

        // Every running instance is expected to answer; on LocalCloud the lab sends through its loopback handler.
        var report = await Lab.VerifyTrafficAsync(new TrafficOptions { Requests = requests }, _cancellationToken);
        TrafficView.Render(_console, report, LastStatus, $"Traffic split: {report.Total} requests");
        return report.AllSucceeded && report.MissingBackends.Count == 0;
    }

    /// <summary>Runs the failover drill, printing its timeline as it goes; true when it proved failover and recovery.</summary>
    /// <param name="instanceIndex">Which instance to stop, 1-based.</param>
    /// <param name="requests">Requests per traffic check.</param>
    public async Task<bool> DrillAsync(int instanceIndex, int requests)
    {
        _console.Write(new Rule("[bold]drill[/] — stop an instance, prove failover, start it again").LeftJustified());
        LastStatus ??= await Lab.GetStatusAsync(_cancellationToken);

        // The transition window follows the lab's health check, as the lab's default options do.
        var options = new DrillOptions
        {
            InstanceIndex = instanceIndex,
            Requests = requests,
            TransitionWindow = DrillOptions.SuggestedTransitionWindow(HealthCheckSettings.LabDefault),
        };
        DateTimeOffset? start = null;
        var progress = new SyncProgress<DrillEvent>(e =>
        {
            start ??= e.Timestamp;
            DrillView.RenderEvent(_console, e, start.Value);
        });
        var report = await Lab.RunFailoverDrillAsync(options, progress, _cancellationToken);
        return DrillView.RenderResult(_console, report, LastStatus);
    }

    /// <summary>Deletes everything of the lab, with live progress.</summary>
    public async Task DestroyAsync()
    {
        _console.Write(new Rule($"[bold]down[/] — lab [bold]{Markup.Escape(Lab.Name)}[/]").LeftJustified());
        await LabProgressView.RunAsync(_console, "Tearing the lab down…", p => Lab.DestroyAsync(p, _cancellationToken));
    }

    /// <summary>Checks nothing is left: LocalCloud's whole inventory, or on AWS whatever still carries the lab's tags.</summary>
    public async Task<bool> CheckNothingLeftAsync()
    {
        var leftovers = await Cloud.FindLeftoversAsync(Lab.Name, _cancellationToken);
        if (leftovers is null)
        {
            _console.MarkupLine(Cloud.IsLocal
                ? "[green]✔ nothing left[/]: LocalCloud's inventory is empty (no instance, security group, load balancer, target group or listener)."
                : $"[green]✔ nothing left[/]: no resource carries the tag albbuilder:lab={Markup.Escape(Lab.Name)}.");
            return true;
        }

        _console.MarkupLine($"[red]✘ Left behind:[/] {Markup.Escape(leftovers)}");
        return false;
    }

    /// <summary>
    /// Runs a command that works on an existing lab: on AWS the one found by its tags; on LocalCloud, which lives in this
    /// process, a lab started here first and removed afterwards.
    /// </summary>
    public async Task<int> OnExistingLabAsync(string command, Func<Task<bool>> action)
    {
        if (Cloud.IsLocal)
        {
            LocalNote.Print(_console, command);
            await StartAsync();
            var ok = await action();
            await DestroyAsync();
            return await CheckNothingLeftAsync() && ok ? ExitCodes.Success : ExitCodes.Failure;
        }

        if (!await AttachAsync())
        {
            return ExitCodes.Failure;
        }

        return await action() ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>Keeps the lab when this object is disposed (an AWS lab after <c>up</c> stays until <c>down</c>).</summary>
    public void KeepLab() => _keepOnExit = true;

    public async ValueTask DisposeAsync()
    {
        // Disposing a started lab tears it down (clean-up is on, which is also what makes a failed or cancelled start
        // roll back). A lab that must outlive this process is simply not disposed; its clients are the cloud's.
        if (!_keepOnExit)
        {
            await Lab.DisposeAsync();
        }
    }
}
