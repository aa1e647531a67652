using AlbBuilder.ElasticLoadBalancingV2.Internal;
using AlbBuilder.ElasticLoadBalancingV2.Model;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace AlbBuilder.ElasticLoadBalancingV2;

/// <summary>
/// Elastic Load Balancing v2 client on AWSSDK.Core's own pipeline (credential chain, SigV4, retries, endpoints,
/// logging), covering the operations AlbBuilder uses. Shaped like <c>Amazon.ElasticLoadBalancingV2.AmazonElasticLoadBalancingV2Client</c>.
/// </summary>
public class AmazonElasticLoadBalancingV2Client : AmazonServiceClient, IAmazonElasticLoadBalancingV2
{
    private static readonly ElasticLoadBalancingV2Metadata Metadata = new();

    private static readonly QueryResponseUnmarshaller<CreateLoadBalancerResponse> CreateLoadBalancerUnmarshaller = new("CreateLoadBalancer", CreateLoadBalancerResponse.ReadFrom);
    private static readonly QueryResponseUnmarshaller<DescribeLoadBalancersResponse> DescribeLoadBalancersUnmarshaller = new("DescribeLoadBalancers", DescribeLoadBalancersResponse.ReadFrom);
    private static readonly QueryResponseUnmarshaller<DeleteLoadBalancerResponse> DeleteLoadBalancerUnmarshaller = new("DeleteLoadBalancer", DeleteLoadBalancerResponse.ReadFrom);
    private static readonly QueryResponseUnmarshaller<ModifyLoadBalancerAttributesResponse> ModifyLoadBalancerAttributesUnmarshaller = new("ModifyLoadBalancerAttributes", ModifyLoadBalancerAttributesResponse.ReadFrom);
    private static readonly QueryResponseUnmarshaller<DescribeLoadBalancerAttributesResponse> DescribeLoadBalancerAttributesUnmarshaller = new("DescribeLoadBalancerAttributes", DescribeLoadBalancerAttributesResponse.ReadFrom);
    private static readonly QueryResponseUnmarshaller<CreateTargetGroupResponse> CreateTargetGroupUnmarshaller = new("CreateTargetGroup", CreateTargetGroupResponse.ReadFrom);
    private static readonly QueryResponseUnmarshaller<DescribeTargetGroupsResponse> DescribeTargetGroupsUnmarshaller = new("DescribeTargetGroups", DescribeTargetGroupsResponse.ReadFrom);
    private static readonly QueryResponseUnmarshaller<ModifyTargetGroupAttributesResponse> ModifyTargetGroupAttributesUnmarshaller = new("ModifyTargetGroupAttributes", ModifyTargetGroupAttributesResponse.ReadFrom);
    private static readonly QueryResponseUnmarshaller<DescribeTargetGroupAttributesResponse> DescribeTargetGroupAttributesUnmarshaller = new("DescribeTargetGroupAttributes", DescribeTargetGroupAttributesResponse.ReadFrom);
    private static readonly QueryResponseUnmarshaller<DeleteTargetGroupResponse> DeleteTargetGroupUnmarshaller = new("DeleteTargetGroup", DeleteTargetGroupResponse.ReadFrom);
    private static readonly QueryResponseUnmarshaller<RegisterTargetsResponse> RegisterTargetsUnmarshaller = new("RegisterTargets", RegisterTargetsResponse.ReadFrom);
    private static readonly QueryResponseUnmarshaller<DeregisterTargetsResponse> DeregisterTargetsUnmarshaller = new("DeregisterTargets", DeregisterTargetsResponse.ReadFrom);
    private static readonly QueryResponseUnmarshaller<DescribeTargetHealthResponse> DescribeTargetHealthUnmarshaller = new("DescribeTargetHealth", DescribeTargetHealthResponse.ReadFrom);
    private static readonly QueryResponseUnmarshaller<CreateListenerResponse> CreateListenerUnmarshaller = new("CreateListener", CreateListenerResponse.ReadFrom);
    private static readonly QueryResponseUnmarshaller<DescribeListenersResponse> DescribeListenersUnmarshaller = new("DescribeListeners", DescribeListenersResponse.ReadFrom);
    private static readonly QueryResponseUnmarshaller<DeleteListenerResponse> DeleteListenerUnmarshaller = new("DeleteListener", DeleteListenerResponse.ReadFrom);
    private static readonly QueryResponseUnmarshaller<AddTagsResponse> AddTagsUnmarshaller = new("AddTags", AddTagsResponse.ReadFrom);
    private static readonly QueryResponseUnmarshaller<RemoveTagsResponse> RemoveTagsUnmarshaller = new("RemoveTags", RemoveTagsResponse.ReadFrom);
    private static readonly QueryResponseUnmarshaller<DescribeTagsResponse> DescribeTagsUnmarshaller = new("DescribeTags", DescribeTagsResponse.ReadFrom);
    private static readonly QueryResponseUnmarshaller<DescribeAccountLimitsResponse> DescribeAccountLimitsUnmarshaller = new("DescribeAccountLimits", DescribeAccountLimitsResponse.ReadFrom);

    private IElasticLoadBalancingV2PaginatorFactory? _paginators;

    /// <summary>Creates a client with credentials and region from the SDK's default chains (environment, profile, instance role).</summary>
    public AmazonElasticLoadBalancingV2Client()
        : base(new AmazonElasticLoadBalancingV2Config())
    {
    }

    /// <summary>Creates a client for <paramref name="region"/> with credentials from the SDK's default chain.</summary>
    /// <param name="region">The region to call.</param>
    public AmazonElasticLoadBalancingV2Client(RegionEndpoint region)
        : base(new AmazonElasticLoadBalancingV2Config { RegionEndpoint = region })
    {
    }

    /// <summary>Creates a client from <paramref name="config"/> with credentials from the SDK's default chain.</summary>
    /// <param name="config">The client configuration.</param>
    public AmazonElasticLoadBalancingV2Client(AmazonElasticLoadBalancingV2Config config)
        : base(config)
    {
    }

    /// <summary>Creates a client with explicit <paramref name="credentials"/> and the default configuration.</summary>
    /// <param name="credentials">The credentials to sign with.</param>
    public AmazonElasticLoadBalancingV2Client(AWSCredentials credentials)
        : this(credentials, new AmazonElasticLoadBalancingV2Config())
    {
    }

    /// <summary>Creates a client with explicit <paramref name="credentials"/> for <paramref name="region"/>.</summary>
    /// <param name="credentials">The credentials to sign with.</param>
    /// <param name="region">The region to call.</param>
    public AmazonElasticLoadBalancingV2Client(AWSCredentials credentials, RegionEndpoint region)
        : this(credentials, new AmazonElasticLoadBalancingV2Config { RegionEndpoint = region })
    {
    }

    /// <summary>Creates a client with explicit <paramref name="credentials"/> and <paramref name="config"/>.</summary>
    /// <param name="credentials">The credentials to sign with.</param>
    /// <param name="config">The client configuration.</param>
    public AmazonElasticLoadBalancingV2Client(AWSCredentials credentials, AmazonElasticLoadBalancingV2Config config)
        : base(credentials, config)
    {
    }

    /// <summary>Creates a client with an access key pair and the default configuration.</summary>
    /// <param name="awsAccessKeyId">The access key id.</param>
    /// <param name="awsSecretAccessKey">The secret access key.</param>
    public AmazonElasticLoadBalancingV2Client(string awsAccessKeyId, string awsSecretAccessKey)
        : this(awsAccessKeyId, awsSecretAccessKey, new AmazonElasticLoadBalancingV2Config())
    {
    }

    /// <summary>Creates a client with an access key pair for <paramref name="region"/>.</summary>
    /// <param name="awsAccessKeyId">The access key id.</param>
    /// <param name="awsSecretAccessKey">The secret access key.</param>
    /// <param name="region">The region to call.</param>
    public AmazonElasticLoadBalancingV2Client(string awsAccessKeyId, string awsSecretAccessKey, RegionEndpoint region)
        : this(awsAccessKeyId, awsSecretAccessKey, new AmazonElasticLoadBalancingV2Config { RegionEndpoint = region })
    {
    }

    /// <summary>Creates a client with an access key pair and <paramref name="config"/>.</summary>
    /// <param name="awsAccessKeyId">The access key id.</param>
    /// <param name="awsSecretAccessKey">The secret access key.</param>
    /// <param name="config">The client configuration.</param>
    public AmazonElasticLoadBalancingV2Client(string awsAccessKeyId, string awsSecretAccessKey, AmazonElasticLoadBalancingV2Config config)
        : base(awsAccessKeyId, awsSecretAccessKey, config)
    {
    }

    /// <summary>Creates a client with temporary credentials (access key pair and session token) and <paramref name="config"/>.</summary>
    /// <param name="awsAccessKeyId">The access key id.</param>
    /// <param name="awsSecretAccessKey">The secret access key.</param>
    /// <param name="awsSessionToken">The session token.</param>
    /// <param name="config">The client configuration.</param>
    public AmazonElasticLoadBalancingV2Client(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, AmazonElasticLoadBalancingV2Config config)
        : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, config)
    {
    }

    /// <summary>Gets paginators for the Describe operations that page with <c>Marker</c>/<c>NextMarker</c>.</summary>
    public IElasticLoadBalancingV2PaginatorFactory Paginators => _paginators ??= new ElasticLoadBalancingV2PaginatorFactory(this);

    /// <summary>Gets the service metadata the SDK pipeline uses.</summary>
    protected override IServiceMetadata ServiceMetadata => Metadata;

    /// <summary>Installs the ELBv2 auth-scheme and endpoint handlers (and an optional retry backoff cap) in the SDK pipeline.</summary>
    /// <param name="pipeline">The client's runtime pipeline.</param>
    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        pipeline.RemoveHandler<EndpointResolver>();

        // Added in reverse: the auth-scheme handler must run right after marshalling, before endpoint resolution.
        pipeline.AddHandlerAfter<Marshaller>(new ElasticLoadBalancingV2EndpointResolver());
        pipeline.AddHandlerAfter<Marshaller>(new ElasticLoadBalancingV2AuthSchemeHandler());

        if (Config is AmazonElasticLoadBalancingV2Config { MaxRetryBackoff: { } cap })
        {
            var milliseconds = (int)Math.Clamp(cap.TotalMilliseconds, 0, int.MaxValue);
            RetryPolicy policy = Config.RetryMode == RequestRetryMode.Adaptive
                ? new AdaptiveRetryPolicy(Config) { MaxBackoffInMilliseconds = milliseconds }
                : new StandardRetryPolicy(Config) { MaxBackoffInMilliseconds = milliseconds };
            pipeline.ReplaceHandler<RetryHandler>(new RetryHandler(policy));
        }
    }

    private Task<TResponse> InvokeQueryAsync<TResponse>(
        AmazonElasticLoadBalancingV2Request request,
        QueryResponseUnmarshaller<TResponse> unmarshaller,
        CancellationToken cancellationToken)
        where TResponse : AmazonWebServiceResponse, new()
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = new InvokeOptions
        {
            RequestMarshaller = QueryRequestMarshaller.Instance,
            ResponseUnmarshaller = unmarshaller,
        };
        return InvokeAsync<TResponse>(request, options, cancellationToken);
    }

    /// <summary>Calls the CreateLoadBalancer operation.</summary>
    /// <param name="request">The CreateLoadBalancer request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The CreateLoadBalancer response.</returns>
    /// <exception cref="AmazonElasticLoadBalancingV2Exception">The service returned an error (a typed subclass for modelled errors).</exception>
    /// <exception cref="AmazonClientException">The request could not be sent or the response could not be read.</exception>
    public virtual Task<CreateLoadBalancerResponse> CreateLoadBalancerAsync(CreateLoadBalancerRequest request, CancellationToken cancellationToken = default) =>
        InvokeQueryAsync(request, CreateLoadBalancerUnmarshaller, cancellationToken);

    /// <summary>Calls the DescribeLoadBalancers operation.</summary>
    /// <param name="request">The DescribeLoadBalancers request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The DescribeLoadBalancers response.</returns>
    /// <exception cref="AmazonElasticLoadBalancingV2Exception">The service returned an error (a typed subclass for modelled errors).</exception>
    /// <exception cref="AmazonClientException">The request could not be sent or the response could not be read.</exception>
    public virtual Task<DescribeLoadBalancersResponse> DescribeLoadBalancersAsync(DescribeLoadBalancersRequest request, CancellationToken cancellationToken = default) =>
        InvokeQueryAsync(request, DescribeLoadBalancersUnmarshaller, cancellationToken);

    /// <summary>Calls the DeleteLoadBalancer operation.</summary>
    /// <param name="request">The DeleteLoadBalancer request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The DeleteLoadBalancer response.</returns>
    /// <exception cref="AmazonElasticLoadBalancingV2Exception">The service returned an error (a typed subclass for modelled errors).</exception>
    /// <exception cref="AmazonClientException">The request could not be sent or the response could not be read.</exception>
    public virtual Task<DeleteLoadBalancerResponse> DeleteLoadBalancerAsync(DeleteLoadBalancerRequest request, CancellationToken cancellationToken = default) =>
        InvokeQueryAsync(request, DeleteLoadBalancerUnmarshaller, cancellationToken);

    /// <summary>Calls the ModifyLoadBalancerAttributes operation.</summary>
    /// <param name="request">The ModifyLoadBalancerAttributes request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The ModifyLoadBalancerAttributes response.</returns>
    /// <exception cref="AmazonElasticLoadBalancingV2Exception">The service returned an error (a typed subclass for modelled errors).</exception>
    /// <exception cref="AmazonClientException">The request could not be sent or the response could not be read.</exception>
    public virtual Task<ModifyLoadBalancerAttributesResponse> ModifyLoadBalancerAttributesAsync(ModifyLoadBalancerAttributesRequest request, CancellationToken cancellationToken = default) =>
        InvokeQueryAsync(request, ModifyLoadBalancerAttributesUnmarshaller, cancellationToken);

    /// <summary>Calls the DescribeLoadBalancerAttributes operation.</summary>
    /// <param name="request">The DescribeLoadBalancerAttributes request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The DescribeLoadBalancerAttributes response.</returns>
    /// <exception cref="AmazonElasticLoadBalancingV2Exception">The service returned an error (a typed subclass for modelled errors).</exception>
    /// <exception cref="AmazonClientException">The request could not be sent or the response could not be read.</exception>
    public virtual Task<DescribeLoadBalancerAttributesResponse> DescribeLoadBalancerAttributesAsync(DescribeLoadBalancerAttributesRequest request, CancellationToken cancellationToken = default) =>
        InvokeQueryAsync(request, DescribeLoadBalancerAttributesUnmarshaller, cancellationToken);

    /// <summary>Calls the CreateTargetGroup operation.</summary>
    /// <param name="request">The CreateTargetGroup request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The CreateTargetGroup response.</returns>
    /// <exception cref="AmazonElasticLoadBalancingV2Exception">The service returned an error (a typed subclass for modelled errors).</exception>
    /// <exception cref="AmazonClientException">The request could not be sent or the response could not be read.</exception>
    public virtual Task<CreateTargetGroupResponse> CreateTargetGroupAsync(CreateTargetGroupRequest request, CancellationToken cancellationToken = default) =>
        InvokeQueryAsync(request, CreateTargetGroupUnmarshaller, cancellationToken);

    /// <summary>Calls the DescribeTargetGroups operation.</summary>
    /// <param name="request">The DescribeTargetGroups request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The DescribeTargetGroups response.</returns>
    /// <exception cref="AmazonElasticLoadBalancingV2Exception">The service returned an error (a typed subclass for modelled errors).</exception>
    /// <exception cref="AmazonClientException">The request could not be sent or the response could not be read.</exception>
    public virtual Task<DescribeTargetGroupsResponse> DescribeTargetGroupsAsync(DescribeTargetGroupsRequest request, CancellationToken cancellationToken = default) =>
        InvokeQueryAsync(request, DescribeTargetGroupsUnmarshaller, cancellationToken);

    /// <summary>Calls the ModifyTargetGroupAttributes operation.</summary>
    /// <param name="request">The ModifyTargetGroupAttributes request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The ModifyTargetGroupAttributes response.</returns>
    /// <exception cref="AmazonElasticLoadBalancingV2Exception">The service returned an error (a typed subclass for modelled errors).</exception>
    /// <exception cref="AmazonClientException">The request could not be sent or the response could not be read.</exception>
    public virtual Task<ModifyTargetGroupAttributesResponse> ModifyTargetGroupAttributesAsync(ModifyTargetGroupAttributesRequest request, CancellationToken cancellationToken = default) =>
        InvokeQueryAsync(request, ModifyTargetGroupAttributesUnmarshaller, cancellationToken);

    /// <summary>Calls the DescribeTargetGroupAttributes operation.</summary>
    /// <param name="request">The DescribeTargetGroupAttributes request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The DescribeTargetGroupAttributes response.</returns>
    /// <exception cref="AmazonElasticLoadBalancingV2Exception">The service returned an error (a typed subclass for modelled errors).</exception>
    /// <exception cref="AmazonClientException">The request could not be sent or the response could not be read.</exception>
    public virtual Task<DescribeTargetGroupAttributesResponse> DescribeTargetGroupAttributesAsync(DescribeTargetGroupAttributesRequest request, CancellationToken cancellationToken = default) =>
        InvokeQueryAsync(request, DescribeTargetGroupAttributesUnmarshaller, cancellationToken);

    /// <summary>Calls the DeleteTargetGroup operation.</summary>
    /// <param name="request">The DeleteTargetGroup request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The DeleteTargetGroup response.</returns>
    /// <exception cref="AmazonElasticLoadBalancingV2Exception">The service returned an error (a typed subclass for modelled errors).</exception>
    /// <exception cref="AmazonClientException">The request could not be sent or the response could not be read.</exception>
    public virtual Task<DeleteTargetGroupResponse> DeleteTargetGroupAsync(DeleteTargetGroupRequest request, CancellationToken cancellationToken = default) =>
        InvokeQueryAsync(request, DeleteTargetGroupUnmarshaller, cancellationToken);

    /// <summary>Calls the RegisterTargets operation.</summary>
    /// <param name="request">The RegisterTargets request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The RegisterTargets response.</returns>
    /// <exception cref="AmazonElasticLoadBalancingV2Exception">The service returned an error (a typed subclass for modelled errors).</exception>
    /// <exception cref="AmazonClientException">The request could not be sent or the response could not be read.</exception>
    public virtual Task<RegisterTargetsResponse> RegisterTargetsAsync(RegisterTargetsRequest request, CancellationToken cancellationToken = default) =>
        InvokeQueryAsync(request, RegisterTargetsUnmarshaller, cancellationToken);

    /// <summary>Calls the DeregisterTargets operation.</summary>
    /// <param name="request">The DeregisterTargets request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The DeregisterTargets response.</returns>
    /// <exception cref="AmazonElasticLoadBalancingV2Exception">The service returned an error (a typed subclass for modelled errors).</exception>
    /// <exception cref="AmazonClientException">The request could not be sent or the response could not be read.</exception>
    public virtual Task<DeregisterTargetsResponse> DeregisterTargetsAsync(DeregisterTargetsRequest request, CancellationToken cancellationToken = default) =>
        InvokeQueryAsync(request, DeregisterTargetsUnmarshaller, cancellationToken);

    /// <summary>Calls the DescribeTargetHealth operation.</summary>
    /// <param name="request">The DescribeTargetHealth request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The DescribeTargetHealth response.</returns>
    /// <exception cref="AmazonElasticLoadBalancingV2Exception">The service returned an error (a typed subclass for modelled errors).</exception>
    /// <exception cref="AmazonClientException">The request could not be sent or the response could not be read.</exception>
    public virtual Task<DescribeTargetHealthResponse> DescribeTargetHealthAsync(DescribeTargetHealthRequest request, CancellationToken cancellationToken = default) =>
        InvokeQueryAsync(request, DescribeTargetHealthUnmarshaller, cancellationToken);

    /// <summary>Calls the CreateListener operation.</summary>
    /// <param name="request">The CreateListener request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The CreateListener response.</returns>
    /// <exception cref="AmazonElasticLoadBalancingV2Exception">The service returned an error (a typed subclass for modelled errors).</exception>
    /// <exception cref="AmazonClientException">The request could not be sent or the response could not be read.</exception>
    public virtual Task<CreateListenerResponse> CreateListenerAsync(CreateListenerRequest request, CancellationToken cancellationToken = default) =>
        InvokeQueryAsync(request, CreateListenerUnmarshaller, cancellationToken);

    /// <summary>Calls the DescribeListeners operation.</summary>
    /// <param name="request">The DescribeListeners request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The DescribeListeners response.</returns>
    /// <exception cref="AmazonElasticLoadBalancingV2Exception">The service returned an error (a typed subclass for modelled errors).</exception>
    /// <exception cref="AmazonClientException">The request could not be sent or the response could not be read.</exception>
    public virtual Task<DescribeListenersResponse> DescribeListenersAsync(DescribeListenersRequest request, CancellationToken cancellationToken = default) =>
        InvokeQueryAsync(request, DescribeListenersUnmarshaller, cancellationToken);

    /// <summary>Calls the DeleteListener operation.</summary>
    /// <param name="request">The DeleteListener request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The DeleteListener response.</returns>
    /// <exception cref="AmazonElasticLoadBalancingV2Exception">The service returned an error (a typed subclass for modelled errors).</exception>
    /// <exception cref="AmazonClientException">The request could not be sent or the response could not be read.</exception>
    public virtual Task<DeleteListenerResponse> DeleteListenerAsync(DeleteListenerRequest request, CancellationToken cancellationToken = default) =>
        InvokeQueryAsync(request, DeleteListenerUnmarshaller, cancellationToken);

    /// <summary>Calls the AddTags operation.</summary>
    /// <param name="request">The AddTags request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The AddTags response.</returns>
    /// <exception cref="AmazonElasticLoadBalancingV2Exception">The service returned an error (a typed subclass for modelled errors).</exception>
    /// <exception cref="AmazonClientException">The request could not be sent or the response could not be read.</exception>
    public virtual Task<AddTagsResponse> AddTagsAsync(AddTagsRequest request, CancellationToken cancellationToken = default) =>
        InvokeQueryAsync(request, AddTagsUnmarshaller, cancellationToken);

    /// <summary>Calls the RemoveTags operation.</summary>
    /// <param name="request">The RemoveTags request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The RemoveTags response.</returns>
    /// <exception cref="AmazonElasticLoadBalancingV2Exception">The service returned an error (a typed subclass for modelled errors).</exception>
    /// <exception cref="AmazonClientException">The request could not be sent or the response could not be read.</exception>
    public virtual Task<RemoveTagsResponse> RemoveTagsAsync(RemoveTagsRequest request, CancellationToken cancellationToken = default) =>
        InvokeQueryAsync(request, RemoveTagsUnmarshaller, cancellationToken);

    /// <summary>Calls the DescribeTags operation.</summary>
    /// <param name="request">The DescribeTags request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The DescribeTags response.</returns>
    /// <exception cref="AmazonElasticLoadBalancingV2Exception">The service returned an error (a typed subclass for modelled errors).</exception>
    /// <exception cref="AmazonClientException">The request could not be sent or the response could not be read.</exception>
    public virtual Task<DescribeTagsResponse> DescribeTagsAsync(DescribeTagsRequest request, CancellationToken cancellationToken = default) =>
        InvokeQueryAsync(request, DescribeTagsUnmarshaller, cancellationToken);

    /// <summary>Calls the DescribeAccountLimits operation.</summary>
    /// <param name="request">The DescribeAccountLimits request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The DescribeAccountLimits response.</returns>
    /// <exception cref="AmazonElasticLoadBalancingV2Exception">The service returned an error (a typed subclass for modelled errors).</exception>
    /// <exception cref="AmazonClientException">The request could not be sent or the response could not be read.</exception>
    public virtual Task<DescribeAccountLimitsResponse> DescribeAccountLimitsAsync(DescribeAccountLimitsRequest request, CancellationToken cancellationToken = default) =>
        InvokeQueryAsync(request, DescribeAccountLimitsUnmarshaller, cancellationToken);
}
