using Microsoft.Extensions.Options;
using PatientForum.Web.Infrastructure.Options;
using StackExchange.Redis;

namespace PatientForum.Web.Infrastructure.Redis;

/// <summary>Names every Redis key the forum uses, each starting with <c>Forum:RedisPrefix</c>.</summary>
public sealed class RedisKeys(IOptions<ForumOptions> forum)
{
    private readonly string _prefix = forum.Value.RedisPrefix + ":";

    public string PageCachePrefix => _prefix + "pages:";

    public RedisKey Presence(int threadId) => $"{_prefix}presence:{threadId}";

    public RedisKey RateLimit(string policy, string partition) => $"{_prefix}rate:{policy}:{partition}";
}
