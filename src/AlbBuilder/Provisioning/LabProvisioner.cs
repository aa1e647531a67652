namespace AlbBuilder.Provisioning;

/// <summary>
/// One start of a lab: find what exists (adoption), discover the network, run the creates in the start order (the
/// dependency graph), then wait until the targets are healthy. Every create is recorded in the <see cref="LabJournal"/>.
/// The first failing step cancels the others and is rethrown as <see cref="LabStepException"/> once every branch has
/// stopped (so the journal is complete for the rollback).
/// </summary>
internal sealed class LabProvisioner(LabContext lab, ILabStartOrder order, LabInventory inventory, LabJournal journal, LabProgress progress)
{
    /// <summary>What existed before this start (adopted, never rolled back); null until the lookup ran.</summary>
    public FoundLab? Found { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var steps = new LabStepRunner(progress, cancellationToken);
        try
        {
            await RunStepsAsync(steps).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            throw steps.Failure ?? new LabStepException(LabStep.Start, ex);
        }
    }

    private async Task RunStepsAsync(LabStepRunner steps)
    {
        var definition = lab.Definition;
        var found = await steps.RunAsync(
            LabStep.FindExistingLab,
            $"Looking for resources tagged {LabTags.Lab}={definition.Name}",
            async ct =>
            {
                var found = await LabFinder.FindAsync(lab.Ec2, lab.Elb, definition, ct).ConfigureAwait(false);

                // Creating would fail with DuplicateLoadBalancerName/DuplicateTargetGroupName anyway; say why up front.
                return found.ForeignNames.Count == 0 ? found : throw new AlbLabException(
                    $"These names are taken by resources that are not tagged {LabTags.Lab}={definition.Name}: {string.Join(", ", found.ForeignNames)}. " +
                    "Pick another lab name or delete them.");
            },
            f => f.Any ? $"Found resources of lab {f.LabId ?? "(no id)"}: completing it" : "None found: creating the lab").ConfigureAwait(false);
        Found = found;

        var ownership = new LabOwnership(definition, found.LabId ?? LabOwnership.NewLabId(), lab.Time.GetUtcNow());
        inventory.Clear();
        inventory.Adopt(found, definition.InstanceCount);
        inventory.LabId = ownership.LabId;

        var network = await steps.RunAsync(
            LabStep.DiscoverNetwork,
            definition.VpcId is null ? "Looking up the default VPC and its default subnets" : $"Looking up VPC {definition.VpcId} and its subnets",
            ct => NetworkDiscovery.DiscoverAsync(lab.Ec2, definition, ct),
            n => $"VPC {n.VpcId}, subnets {string.Join(", ", n.Subnets.Select(s => $"{s.SubnetId} ({s.AvailabilityZone})"))}" +
                (n.SkippedZones.Count > 0 ? $"; no instances in {string.Join(", ", n.SkippedZones)} ({definition.InstanceType} not offered there)" : string.Empty)).ConfigureAwait(false);
        inventory.SetNetwork(network.VpcId, [.. network.Subnets.Select(s => s.SubnetId)]);
        if (network.SkippedZones.Count > 0)
        {
            progress.Notice(
                LabStep.DiscoverNetwork,
                $"Instance type {definition.InstanceType} is not offered in {string.Join(", ", network.SkippedZones)}: no instances there " +
                $"(they launch in {string.Join(", ", network.InstanceSubnets.Select(s => s.AvailabilityZone))}); the load balancer still spans every subnet");
        }

        var start = new LabStart(lab, steps, ownership, found, inventory, journal);
        var targets = await order.RunAsync(new LabStartSteps(start, network)).ConfigureAwait(false);

        await steps.RunAsync(
            LabStep.WaitTargetsHealthy,
            $"Waiting for {targets.InstanceIds.Count} target(s) to become healthy",
            ct => LabTargetGroup.WaitHealthyAsync(lab, targets.TargetGroupArn, targets.InstanceIds, definition.Timeouts.TargetsHealthy, progress, afterInstanceStart: false, ct),
            "Every target is healthy",
            new LabResource(LabResourceKind.TargetGroup, targets.TargetGroupArn)).ConfigureAwait(false);
    }
}
