using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace PatientForum.Web.Features.Feeds;

/// <summary>
/// Answers a feed or sitemap request with its bytes, or with 304 Not Modified when the reader already has them. The ETag
/// is a hash of the bytes, so it changes exactly when they do; Last-Modified is the newest entry's time. A response the
/// page cache stored carries both headers, and the output cache answers conditional requests from them in the same way
/// (If-None-Match first, If-Modified-Since only without it); this does it for the requests it renders.
/// </summary>
public static class ConditionalGet
{
    public static IActionResult Answer(HttpContext http, byte[] body, string contentType, DateTimeOffset lastModified)
    {
        var etag = new EntityTagHeaderValue($"\"{Convert.ToBase64String(SHA256.HashData(body)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}\"");
        // HTTP dates have whole seconds: a Last-Modified with a fraction would never equal the If-Modified-Since sent back.
        var modified = DateTimeOffset.FromUnixTimeSeconds(lastModified.ToUnixTimeSeconds());
        var response = http.Response.GetTypedHeaders();
        response.ETag = etag;
        response.LastModified = modified;
        return NotModified(http.Request.GetTypedHeaders(), etag, modified)
            ? new StatusCodeResult(StatusCodes.Status304NotModified)
            : new FileContentResult(body, contentType);
    }

    private static bool NotModified(RequestHeaders request, EntityTagHeaderValue etag, DateTimeOffset modified)
    {
        if (request.IfNoneMatch is { Count: > 0 } tags)
        {
            return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));
        }
        return request.IfModifiedSince is { } since && modified <= since;
    }
}
