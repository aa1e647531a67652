namespace AlbBuilder.LocalCloud.Ec2;

/// <summary>
/// RunInstances idempotency: a client token names its reservation while any of its instances is visible and for
/// <see cref="LatencyProfile.ClientTokenMemory"/> (at least 24 h, as on AWS) after the last one was forgotten, so a
/// reused token brings back terminated instances instead of launching new ones.
/// </summary>
internal sealed partial class Ec2Api
{
    /// <summary>The reservation launched with <paramref name="clientToken"/>, if the token is still remembered (caller holds the lock).</summary>
    private Reservation? RememberedReservation(string clientToken)
    {
        var expired = _state.Reservations.Values
            .Where(r => r.InstancesGoneAt is { } gone && _state.Now - gone >= _state.Profile.ClientTokenMemory)
            .Select(r => r.Id)
            .ToList();
        foreach (var id in expired)
        {
            _state.Reservations.Remove(id);
        }

        return _state.Reservations.Values.FirstOrDefault(r => r.ClientToken == clientToken);
    }
}
