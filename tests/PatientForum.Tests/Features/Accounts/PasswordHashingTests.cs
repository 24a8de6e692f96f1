using System.Buffers.Binary;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Accounts;

/// <summary>
/// The forum's own password hashing, which the other tests turn down (see <see cref="ForumFactory.PasswordHashIterations"/>):
/// a stolen database must cost an attacker the full work factor per guess.
/// </summary>
public sealed class PasswordHashingTests(PasswordHashingTests.ProductionHashingForum forum) : IClassFixture<PasswordHashingTests.ProductionHashingForum>
{
    [Fact]
    public async Task Register_WithTheForumsOwnSettings_StoresAPbkdf2Sha512HashOfAtLeast100000Iterations()
    {
        var member = await Members.RegisterConfirmedAsync(forum);

        var stored = await forum.Database.ScalarAsync<string>(
            """SELECT "PasswordHash" FROM "AspNetUsers" WHERE "NormalizedEmail" = @email""", ("email", member.Email.ToUpperInvariant()));

        // Identity's version 3 format: a marker byte, then the PRF, the iteration count and the salt length, big-endian.
        var hash = Convert.FromBase64String(stored);
        Assert.Equal(0x01, hash[0]);
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(1)));
        Assert.True(BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5)) >= 100_000);
        Assert.DoesNotContain(member.Password, stored, StringComparison.Ordinal);
    }

    public sealed class ProductionHashingForum : ForumFactory
    {
        protected override int? PasswordHashIterations => null;
    }
}
