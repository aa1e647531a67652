using System.Collections.Immutable;
using System.Globalization;

namespace AlbBuilder.LocalCloud.DataPlane;

/// <summary>
/// An ALB <c>Matcher.HttpCode</c>: a single code (<c>200</c>), a list (<c>200,202</c>), a range
/// (<c>200-299</c>) or a mix (<c>200,301-302</c>). ALB HTTP(S) health checks accept codes 200–499.
/// </summary>
internal sealed class HealthCheckMatcher
{
    /// <summary>The lowest code an ALB HTTP matcher accepts.</summary>
    public const int MinimumCode = 200;

    /// <summary>The highest code an ALB HTTP matcher accepts.</summary>
    public const int MaximumCode = 499;

    private readonly ImmutableArray<(int Low, int High)> _ranges;

    private HealthCheckMatcher(string text, ImmutableArray<(int Low, int High)> ranges)
    {
        Text = text;
        _ranges = ranges;
    }

    /// <summary>Gets the matcher as written.</summary>
    public string Text { get; }

    /// <summary>Parses a matcher.</summary>
    /// <param name="text">The matcher text, for example <c>200-299</c>.</param>
    /// <returns>The matcher.</returns>
    /// <exception cref="FormatException">The text is not a valid ALB HTTP matcher; the message says why.</exception>
    public static HealthCheckMatcher Parse(string text) =>
        TryParse(text, out var matcher, out var error) ? matcher : throw new FormatException(error);

    /// <summary>Tries to parse a matcher.</summary>
    /// <param name="text">The matcher text.</param>
    /// <param name="matcher">The matcher when valid.</param>
    /// <param name="error">Why the text is invalid, otherwise <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HealthCheckMatcher? matcher, out string? error)
    {
        matcher = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "The health check matcher is empty.";
            return false;
        }

        var ranges = ImmutableArray.CreateBuilder<(int, int)>();
        foreach (var part in text.Split(','))
        {
            var item = part.Trim();
            var dash = item.IndexOf('-', StringComparison.Ordinal);
            var lowText = dash < 0 ? item : item[..dash];
            var highText = dash < 0 ? item : item[(dash + 1)..];
            if (!TryParseCode(lowText, out var low) || !TryParseCode(highText, out var high))
            {
                error = $"Invalid health check matcher '{text}': '{item}' is not a code or range of codes between {MinimumCode} and {MaximumCode}.";
                return false;
            }

            if (low > high)
            {
                error = $"Invalid health check matcher '{text}': the range '{item}' is reversed.";
                return false;
            }

            ranges.Add((low, high));
        }

        matcher = new HealthCheckMatcher(text, ranges.ToImmutable());
        error = null;
        return true;
    }

    /// <summary>Whether a status code passes the check.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <returns><see langword="true"/> when the code is in one of the ranges.</returns>
    public bool Matches(int statusCode)
    {
        foreach (var (low, high) in _ranges)
        {
            if (statusCode >= low && statusCode <= high)
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static bool TryParseCode(string text, out int code) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out code)
        && code is >= MinimumCode and <= MaximumCode;
}
