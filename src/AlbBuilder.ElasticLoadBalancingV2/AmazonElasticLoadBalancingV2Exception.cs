#nullable disable // Like AWSSDK v4 and the generated exceptions: not nullable-annotated.
using System.Net;
using Amazon.Runtime;

namespace AlbBuilder.ElasticLoadBalancingV2;

/// <summary>An error returned by Elastic Load Balancing v2; <see cref="AmazonServiceException.ErrorCode"/> holds the service's code.</summary>
public class AmazonElasticLoadBalancingV2Exception : AmazonServiceException
{
    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The error message.</param>
    public AmazonElasticLoadBalancingV2Exception(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">The error message.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public AmazonElasticLoadBalancingV2Exception(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with everything the service returned.</summary>
    /// <param name="message">The error message.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    /// <param name="errorType">Whether the caller or the service is at fault.</param>
    /// <param name="errorCode">The error code.</param>
    /// <param name="requestId">The request id.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    public AmazonElasticLoadBalancingV2Exception(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}
