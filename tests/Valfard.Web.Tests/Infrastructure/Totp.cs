using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace Valfard.Web.Tests.Infrastructure;

/// <summary>
/// The test's own RFC 6238 code maker (HMAC-SHA1, 30-second steps, six digits), written apart from the app's so that
/// a mistake in one does not hide in both.
/// </summary>
public static class Totp
{
    public static string CodeAt(string base32Key, DateTimeOffset time)
    {
        var key = FromBase32(base32Key);
        var counter = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, time.ToUnixTimeSeconds() / 30);
#pragma warning disable CA5350 // RFC 6238 is HMAC-SHA1, as authenticator apps compute it.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[19] & 0xf;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("000000", CultureInfo.InvariantCulture);
    }

    /// <summary>A six-digit code that is not the right one at this time, nor a step before or after.</summary>
    public static string WrongCodeAt(string base32Key, DateTimeOffset time)
    {
        var right = new[] { -30, 0, 30 }.Select(s => CodeAt(base32Key, time.AddSeconds(s))).ToHashSet();
        return Enumerable.Range(0, 10).Select(d => new string((char)('0' + d), 6)).First(c => !right.Contains(c));
    }

    private static byte[] FromBase32(string text)
    {
        var output = new List<byte>();
        var bits = 0;
        var value = 0;
        foreach (var c in text.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())
        {
            value = (value << 5) | "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)((value >> (bits - 8)) & 0xff));
                bits -= 8;
            }
        }
        return [.. output];
    }
}
