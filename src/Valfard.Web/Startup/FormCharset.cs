using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace Valfard.Web.Startup;

/// <summary>
/// A form body that declares a charset other than UTF-8 (a client posting ISO-8859-1, say) is re-encoded to UTF-8
/// before anything reads it, so "Päiväkoti" arrives as typed instead of as "P%E4iv%E4koti". A charset .NET does not
/// know (UTF-7 included) is a bad request. Browsers post the app's own forms in UTF-8 and never come here.
/// <para>
/// It runs after routing and authentication, and reads a body only for an action that exists and that the sender may
/// reach: an anonymous post to a signed-in page, or to no page at all, is refused later without its body being read.
/// An anonymous body is held to a small bound, and the work is one pass over the bytes.
/// </para>
/// </summary>
public sealed class FormCharset(RequestDelegate next)
{
    /// <summary>ASP.NET Core's own limit for a form, for signed-in users (section texts are long).</summary>
    private const int SignedInMaxBytes = 4 * 1024 * 1024;

    /// <summary>Residents' feedback and the sign-in forms are a few kilobytes.</summary>
    private const int AnonymousMaxBytes = 64 * 1024;

    private const string FormType = "application/x-www-form-urlencoded";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        // The error page re-executed for a refused post passes straight through: it does not read the body.
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
            || !HttpMethods.IsPost(request.Method) || !MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !string.Equals(type.MediaType.Value, FormType, StringComparison.OrdinalIgnoreCase)
            || type.Charset.Value?.Trim('"') is not { Length: > 0 } charset
            || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)
            || charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }
        var endpoint = context.GetEndpoint();
        var signedIn = context.User.Identity?.IsAuthenticated == true;
        if (endpoint is null || (!signedIn && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null))
        {
            await next(context);
            return;
        }
        Encoding encoding;
        try
        {
            encoding = Encoding.GetEncoding(charset);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            // An unknown charset, or UTF-7, which .NET refuses and which could hide markup ("+ADw-script+AD4-").
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        long limit = signedIn ? SignedInMaxBytes : AnonymousMaxBytes;
        if (endpoint.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize is long declared)
        {
            limit = Math.Min(limit, declared);
        }
        if (request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    return;
                }
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        var bytes = Encoding.UTF8.GetBytes(ToUtf8Form(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), encoding));
        request.Body = new MemoryStream(bytes);
        request.ContentLength = bytes.Length;
        request.ContentType = FormType + "; charset=utf-8";
        await next(context);
    }

    /// <summary>
    /// The form's pairs, each name and value percent-decoded to bytes and read in <paramref name="encoding"/> as the
    /// URL standard's form parser does, then escaped again as UTF-8.
    /// </summary>
    public static string ToUtf8Form(ReadOnlySpan<byte> body, Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        var result = new StringBuilder(body.Length);
        var decoded = ArrayPool<byte>.Shared.Rent(Math.Max(body.Length, 1));
        try
        {
            var first = true;
            while (!body.IsEmpty)
            {
                var end = body.IndexOf((byte)'&');
                var pair = end < 0 ? body : body[..end];
                body = end < 0 ? ReadOnlySpan<byte>.Empty : body[(end + 1)..];
                if (!first)
                {
                    result.Append('&');
                }
                first = false;
                var equals = pair.IndexOf((byte)'=');
                AppendPart(result, equals < 0 ? pair : pair[..equals], encoding, decoded);
                if (equals >= 0)
                {
                    result.Append('=');
                    AppendPart(result, pair[(equals + 1)..], encoding, decoded);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(decoded);
        }
        return result.ToString();
    }

    private static void AppendPart(StringBuilder result, ReadOnlySpan<byte> part, Encoding encoding, byte[] decoded)
    {
        var length = 0;
        for (var i = 0; i < part.Length; i++)
        {
            var b = part[i];
            if (b == '%' && i + 2 < part.Length && IsHex(part[i + 1]) && IsHex(part[i + 2]))
            {
                decoded[length++] = (byte)((HexValue(part[i + 1]) << 4) | HexValue(part[i + 2]));
                i += 2;
            }
            else
            {
                decoded[length++] = b == '+' ? (byte)' ' : b;
            }
        }
        result.Append(Uri.EscapeDataString(encoding.GetString(decoded, 0, length)));
    }

    private static bool IsHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
