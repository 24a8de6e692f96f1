using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace PatientForum.TestSupport;

/// <summary>
/// An authenticator app in a few lines: RFC 6238 time-based codes (HMAC-SHA1, 30-second steps, 6 digits) from
/// the Base32 key the set-up page shows, so tests turn on two-factor sign-in the way a member does.
/// </summary>
public static class Totp
{
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>The code for the current 30-second step of <paramref name="sharedKey"/> (spaces and case as shown are fine).</summary>
    public static string Code(string sharedKey) => Code(sharedKey, DateTimeOffset.UtcNow);

    public static string Code(string sharedKey, DateTimeOffset at) => Code(Base32Decode(sharedKey), at.ToUnixTimeSeconds() / 30, 6);

    /// <summary>RFC 4226's HOTP with dynamic truncation, for the step counter <paramref name="step"/>.</summary>
    public static string Code(byte[] secret, long step, int digits)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
#pragma warning disable CA5350 // RFC 6238 authenticator codes are defined on HMAC-SHA1; this is what the apps compute.
        HMACSHA1.HashData(secret, counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7fffffff) % (int)Math.Pow(10, digits);
        return binary.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    public static byte[] Base32Decode(string text)
    {
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = Base32Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{c}' is not a Base32 character.");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        return [.. bytes];
    }
}
