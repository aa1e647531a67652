using System.Net;
using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.ElasticLoadBalancingV2.Tests.Wire;
using Amazon.Runtime;

namespace AlbBuilder.ElasticLoadBalancingV2.Tests;

/// <summary>
/// Every operation through the real client and AWSSDK.Core pipeline against a loopback server, with expectations
/// derived from the official service model: request form bodies, response parsing and typed errors.
/// </summary>
public sealed class ElasticLoadBalancingV2WireTests
{
    public static TheoryData<string> Operations => new(ServiceModel.Operations);

    public static TheoryData<string, string> OperationErrors
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var operation in ServiceModel.Operations)
            {
                foreach (var error in ServiceModel.Instance.Errors(operation))
                {
                    data.Add(operation, error);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Request_EveryMemberSet_FormBodyMatchesServiceModel(string operation)
    {
        var value = (StructValue)ModelValues.Generate(ServiceModel.Instance.InputShape(operation));
        var request = (AlbBuilder.ElasticLoadBalancingV2.Model.AmazonElasticLoadBalancingV2Request)
            ModelValues.ToClr(value, ModelValues.ModelType(operation + "Request"));
        await using var server = new LoopbackServer(_ => CannedResponse.Xml(ElbTestClients.EmptyResponse(operation)));
        using var client = ElbTestClients.Create(server);

        await ElbTestClients.InvokeAsync(client, operation, request);

        var expected = ModelValues.ExpectedForm(value);
        expected["Action"] = operation;
        expected["Version"] = ServiceModel.Instance.ApiVersion;
        var sent = Assert.Single(server.Requests);
        Assert.Equal("POST", sent.Method);
        Assert.Equal("/", sent.Target);
        Assert.StartsWith("application/x-www-form-urlencoded", sent.Header("Content-Type"), StringComparison.Ordinal);
        AssertSameForm(expected, sent);
        Assert.True(expected.Count > 2, "the generated request should carry members");
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Request_EmptyLists_SentAsBareNamesWithEmptyValues(string operation)
    {
        var value = (StructValue)ModelValues.Generate(ServiceModel.Instance.InputShape(operation), emptyLists: true);
        var request = (AlbBuilder.ElasticLoadBalancingV2.Model.AmazonElasticLoadBalancingV2Request)
            ModelValues.ToClr(value, ModelValues.ModelType(operation + "Request"));
        await using var server = new LoopbackServer(_ => CannedResponse.Xml(ElbTestClients.EmptyResponse(operation)));
        using var client = ElbTestClients.Create(server);

        await ElbTestClients.InvokeAsync(client, operation, request);

        var expected = ModelValues.ExpectedForm(value);
        expected["Action"] = operation;
        expected["Version"] = ServiceModel.Instance.ApiVersion;
        AssertSameForm(expected, Assert.Single(server.Requests));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Request_NothingSet_SendsOnlyActionAndVersion(string operation)
    {
        await using var server = new LoopbackServer(_ => CannedResponse.Xml(ElbTestClients.EmptyResponse(operation)));
        using var client = ElbTestClients.Create(server);

        await ElbTestClients.InvokeAsync(client, operation, ElbTestClients.NewRequest(operation));

        var form = Assert.Single(server.Requests).FormPairs();
        Assert.Equal(
            [new("Action", operation), new("Version", "2015-12-01")],
            form.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Response_EveryMemberInModel_ParsedIntoResponse(string operation)
    {
        var result = (StructValue)ModelValues.Generate(ServiceModel.Instance.OutputShape(operation));
        var xml = ModelValues.ResponseXml(operation, result, "rid-body-" + operation);
        await using var server = new LoopbackServer(_ => CannedResponse.Xml(xml));
        using var client = ElbTestClients.Create(server);

        var response = await ElbTestClients.InvokeAsync(client, operation, ElbTestClients.NewRequest(operation));

        Assert.Empty(ModelValues.Differences(result, response, operation + "Response"));
        Assert.Equal(HttpStatusCode.OK, response.HttpStatusCode);
        Assert.Equal("rid-body-" + operation, response.ResponseMetadata.RequestId);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Response_EmptyResult_ParsesWithoutMembers(string operation)
    {
        await using var server = new LoopbackServer(_ => CannedResponse.Xml(ElbTestClients.EmptyResponse(operation, "rid-empty-1")));
        using var client = ElbTestClients.Create(server);

        var response = await ElbTestClients.InvokeAsync(client, operation, ElbTestClients.NewRequest(operation));

        Assert.Equal(ModelValues.ModelType(operation + "Response"), response.GetType());
        Assert.Equal("rid-empty-1", response.ResponseMetadata.RequestId);
    }

    [Fact]
    public async Task Response_RequestIdHeader_WinsOverBody()
    {
        await using var server = new LoopbackServer(_ =>
            CannedResponse.Xml(ElbTestClients.EmptyResponse("DescribeLoadBalancers", "rid-from-body"), requestIdHeader: "rid-from-header"));
        using var client = ElbTestClients.Create(server);

        var response = await client.DescribeLoadBalancersAsync(new());

        Assert.Equal("rid-from-header", response.ResponseMetadata.RequestId);
    }

    [Theory]
    [MemberData(nameof(OperationErrors))]
    public async Task Error_ModelledCode_ThrowsTypedException(string operation, string errorShape)
    {
        var (code, status, senderFault) = ServiceModel.Instance.Error(errorShape);
        var body = ElbTestClients.ErrorResponse(code, "message for " + code, "rid-error-" + code, senderFault ? "Sender" : "Receiver");
        await using var server = new LoopbackServer(_ => new CannedResponse(status, body));
        using var client = ElbTestClients.Create(server);

        var exception = await Assert.ThrowsAnyAsync<AmazonElasticLoadBalancingV2Exception>(
            () => ElbTestClients.InvokeAsync(client, operation, ElbTestClients.NewRequest(operation)));

        Assert.Equal(errorShape, exception.GetType().Name);
        Assert.Equal("AlbBuilder.ElasticLoadBalancingV2.Model", exception.GetType().Namespace);
        Assert.Equal(code, exception.ErrorCode);
        Assert.Equal(senderFault ? ErrorType.Sender : ErrorType.Receiver, exception.ErrorType);
        Assert.Equal("rid-error-" + code, exception.RequestId);
        Assert.Equal((HttpStatusCode)status, exception.StatusCode);
        Assert.Equal("message for " + code, exception.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Error_ValidationError_ThrowsValidationErrorException()
    {
        var body = ElbTestClients.ErrorResponse("ValidationError", "At least two subnets in two different Availability Zones must be specified", "rid-validation");
        await using var server = new LoopbackServer(_ => new CannedResponse(400, body));
        using var client = ElbTestClients.Create(server);

        var exception = await Assert.ThrowsAsync<AlbBuilder.ElasticLoadBalancingV2.Model.ValidationErrorException>(
            () => client.CreateLoadBalancerAsync(new() { Name = "lab" }));

        Assert.Equal("ValidationError", exception.ErrorCode);
        Assert.Equal(ErrorType.Sender, exception.ErrorType);
        Assert.Equal("rid-validation", exception.RequestId);
        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
    }

    [Fact]
    public async Task Error_UnknownCode_ThrowsServiceBaseException()
    {
        var body = ElbTestClients.ErrorResponse("AccessDenied", "User is not authorized", "rid-denied");
        await using var server = new LoopbackServer(_ => new CannedResponse(403, body));
        using var client = ElbTestClients.Create(server);

        var exception = await Assert.ThrowsAsync<AmazonElasticLoadBalancingV2Exception>(() => client.DescribeTagsAsync(new()));

        Assert.Equal("AccessDenied", exception.ErrorCode);
        Assert.Equal("rid-denied", exception.RequestId);
        Assert.Equal(HttpStatusCode.Forbidden, exception.StatusCode);
    }

    [Fact]
    public async Task Error_RequestIdHeader_WinsOverBody()
    {
        var body = ElbTestClients.ErrorResponse("LoadBalancerNotFound", "nope", "rid-body");
        await using var server = new LoopbackServer(_ =>
            new CannedResponse(400, body, new Dictionary<string, string> { ["x-amzn-RequestId"] = "rid-header" }));
        using var client = ElbTestClients.Create(server);

        var exception = await Assert.ThrowsAsync<AlbBuilder.ElasticLoadBalancingV2.Model.LoadBalancerNotFoundException>(
            () => client.DescribeLoadBalancersAsync(new() { Names = ["missing"] }));

        Assert.Equal("rid-header", exception.RequestId);
    }

    [Fact]
    public async Task Error_NonXmlBody_ThrowsServiceExceptionWithStatus()
    {
        await using var server = new LoopbackServer(_ => new CannedResponse(403, "<html><body>Forbidden by proxy</body>"));
        using var client = ElbTestClients.Create(server);

        var exception = await Assert.ThrowsAsync<AmazonElasticLoadBalancingV2Exception>(() => client.DescribeListenersAsync(new()));

        Assert.Equal(HttpStatusCode.Forbidden, exception.StatusCode);
    }

    private static void AssertSameForm(SortedDictionary<string, string> expected, RecordedRequest sent)
    {
        var pairs = sent.FormPairs();
        Assert.Equal(pairs.Count, pairs.Select(p => p.Key).Distinct(StringComparer.Ordinal).Count());
        var actual = new SortedDictionary<string, string>(pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        var missing = expected.Keys.Except(actual.Keys).ToList();
        var extra = actual.Keys.Except(expected.Keys).ToList();
        var different = expected.Keys.Intersect(actual.Keys)
            .Where(k => expected[k] != actual[k])
            .Select(k => $"{k}: expected '{expected[k]}', sent '{actual[k]}'")
            .ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0 && different.Count == 0,
            $"missing: [{string.Join(", ", missing)}]; extra: [{string.Join(", ", extra)}]; different: [{string.Join("; ", different)}]");
    }
}
