using System.Text;
using Spectre.Console;

namespace AlbBuilder.Sample.Rendering;

/// <summary>
/// Lets System.CommandLine's help and error text go to the same output as everything else, unchanged: it formats its own
/// columns, which Spectre's word wrapping would break.
/// </summary>
internal sealed class ConsoleTextWriter(IAnsiConsole console) : TextWriter
{
    private TextWriter Target => console.Profile.Out.Writer;

    public override Encoding Encoding => Target.Encoding;

    public override void Write(char value) => Target.Write(value);

    public override void Write(string? value) => Target.Write(value);

    public override void WriteLine(string? value) => Target.WriteLine(value);

    public override void Flush() => Target.Flush();
}
