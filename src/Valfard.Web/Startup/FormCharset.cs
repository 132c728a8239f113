using System.Globalization;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace Valfard.Web.Startup;

/// <summary>
/// A form body that declares a charset other than UTF-8 (a client posting ISO-8859-1, say) is re-encoded to UTF-8
/// before anything reads it, so "Päiväkoti" arrives as typed instead of as "P%E4iv%E4koti". A charset .NET does not
/// know (UTF-7 included) is a bad request. Browsers post the app's own forms in UTF-8 and never come here.
/// </summary>
public sealed class FormCharset(RequestDelegate next)
{
    private const int MaxBytes = 4 * 1024 * 1024;
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

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }
            buffer.Write(chunk, 0, read);
        }
        var body = encoding.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        var utf8 = string.Join('&', body.Split('&').Select(pair => string.Join('=',
            pair.Split('=', 2).Select(part => Uri.EscapeDataString(Decode(part, encoding))))));
        var bytes = Encoding.UTF8.GetBytes(utf8);
        request.Body = new MemoryStream(bytes);
        request.ContentLength = bytes.Length;
        request.ContentType = FormType + "; charset=utf-8";
        await next(context);
    }

    /// <summary>Undoes "+" and "%XX" where each escaped byte is a byte of <paramref name="encoding"/>.</summary>
    private static string Decode(string part, Encoding encoding)
    {
        var bytes = new List<byte>(part.Length);
        for (var i = 0; i < part.Length; i++)
        {
            var c = part[i];
            if (c == '%' && i + 2 < part.Length
                && byte.TryParse(part.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var escaped))
            {
                bytes.Add(escaped);
                i += 2;
            }
            else
            {
                bytes.AddRange(encoding.GetBytes(c == '+' ? " " : c.ToString()));
            }
        }
        return encoding.GetString([.. bytes]);
    }
}
