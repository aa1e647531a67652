namespace AlbBuilder.Sample.Tests.Commands;

/// <summary>LocalCloud stores user data but never runs it: the sample says so where the lab starts, on LocalCloud only.</summary>
public sealed class UserDataNoteTests
{
    [Fact]
    public async Task Demo_OnLocalCloud_SaysUserDataIsNotRun()
    {
        var run = await SampleRun.RunAsync(["demo", "--name", "note", "--instances", "1", .. SampleRun.Fast]);

        Assert.True(run.ExitCode == 0, run.Output);
        var note = run.Output.IndexOf("LocalCloud does not run user data", StringComparison.Ordinal);
        Assert.True(note >= 0, run.Output);
        Assert.True(note > run.Output.IndexOf("Load balancer URL:", StringComparison.Ordinal), "the note follows the start");
        Assert.Equal(note, run.Output.LastIndexOf("LocalCloud does not run user data", StringComparison.Ordinal));
    }
}
