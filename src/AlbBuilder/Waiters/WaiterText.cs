using System.Globalization;

namespace AlbBuilder.Waiters;

/// <summary>Formatting shared by waiter messages.</summary>
internal static class WaiterText
{
    /// <summary>Formats a duration compactly: <c>45s</c>, <c>2m05s</c>, <c>1h02m03s</c>.</summary>
    public static string Duration(TimeSpan value)
    {
        if (value < TimeSpan.FromMinutes(1))
        {
            return value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
        }

        var whole = TimeSpan.FromSeconds(Math.Round(value.TotalSeconds));
        return whole < TimeSpan.FromHours(1)
            ? string.Create(CultureInfo.InvariantCulture, $"{whole.Minutes}m{whole.Seconds:00}s")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)whole.TotalHours}h{whole.Minutes:00}m{whole.Seconds:00}s");
    }

    public static string Attempts(int attempts) =>
        attempts == 1 ? "1 attempt" : string.Create(CultureInfo.InvariantCulture, $"{attempts} attempts");
}
