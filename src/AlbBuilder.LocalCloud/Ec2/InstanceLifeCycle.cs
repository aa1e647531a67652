using AlbBuilder.LocalCloud.State;

namespace AlbBuilder.LocalCloud.Ec2;

/// <summary>Moves instances through pending → running → (web server up), stopping → stopped, shutting-down → terminated.</summary>
internal sealed class InstanceLifeCycle
{
    private readonly CloudState _state;

    public InstanceLifeCycle(CloudState state) => _state = state;

    /// <summary>Starts a boot (caller holds the lock; the instance is <c>pending</c>).</summary>
    public void Boot(Ec2Instance instance)
    {
        var generation = ++instance.BootGeneration;
        instance.State = InstanceState.Pending;
        instance.WebServerReady = false;
        _state.Scheduler.After(_state.Profile.InstancePending, () => BecomeRunning(instance, generation));
    }

    /// <summary>Starts stopping or terminating (caller holds the lock).</summary>
    public void Halt(Ec2Instance instance, bool terminate)
    {
        var generation = ++instance.BootGeneration;
        instance.State = terminate ? InstanceState.ShuttingDown : InstanceState.Stopping;
        instance.WebServerReady = false;
        instance.StateTransitionReason = $"User initiated ({_state.Now.UtcDateTime:yyyy-MM-dd HH:mm:ss} GMT)";
        instance.StateReason = ("Client.UserInitiatedShutdown", "Client.UserInitiatedShutdown: User initiated shutdown");
        if (terminate)
        {
            // AWS deregisters a terminated instance from its target groups by itself.
            _state.InstanceTerminating?.Invoke(instance.Id);
        }

        _state.Scheduler.After(_state.Profile.InstanceHalting, () => BecomeHalted(instance, generation, terminate));
    }

    private void BecomeRunning(Ec2Instance instance, int generation)
    {
        lock (_state.Gate)
        {
            if (instance.BootGeneration != generation || instance.State != InstanceState.Pending)
            {
                return;
            }

            instance.State = InstanceState.Running;
            instance.RunningSince = _state.Now;
            instance.StateTransitionReason = string.Empty;
            instance.StateReason = null;
            _state.Scheduler.After(_state.Profile.WebServerReady, () => WebServerUp(instance, generation));
        }

        _state.NotifyChanged();
    }

    private void WebServerUp(Ec2Instance instance, int generation)
    {
        lock (_state.Gate)
        {
            if (instance.BootGeneration != generation || instance.State != InstanceState.Running)
            {
                return;
            }

            instance.WebServerReady = true;
        }

        _state.NotifyChanged();
    }

    private void BecomeHalted(Ec2Instance instance, int generation, bool terminate)
    {
        lock (_state.Gate)
        {
            if (instance.BootGeneration != generation)
            {
                return;
            }

            instance.State = terminate ? InstanceState.Terminated : InstanceState.Stopped;
            if (terminate)
            {
                instance.TerminatedAt = _state.Now;
                _state.Scheduler.After(_state.Profile.TerminatedVisibility, () => Forget(instance));
            }
        }

        _state.NotifyChanged();
    }

    private void Forget(Ec2Instance instance)
    {
        lock (_state.Gate)
        {
            _state.Instances.Remove(instance.Id);
            if (_state.Reservations.TryGetValue(instance.ReservationId, out var reservation))
            {
                reservation.InstanceIds.Remove(instance.Id);
                if (reservation.InstanceIds.Count == 0)
                {
                    // AWS answers a RunInstances retry with the original reservation for at least 24 h after its
                    // instances terminated: keep a reservation with a client token (RunInstances expires it).
                    if (reservation.ClientToken is null)
                    {
                        _state.Reservations.Remove(reservation.Id);
                    }
                    else
                    {
                        reservation.InstancesGoneAt = _state.Now;
                    }
                }
            }
        }
    }
}
