using AlbBuilder;

namespace Snippets;

#region snippet:di-consume
public sealed class LabRunner(IAlbLabFactory labs)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var lab = labs.Create("ci-lab").WithInstances(3).Build();
        await lab.StartAsync(cancellationToken: cancellationToken);
        Console.WriteLine(await lab.VerifyTrafficAsync(cancellationToken: cancellationToken));
    }
}
#endregion
