namespace Valfard.Web.Tests.Infrastructure;

/// <summary>
/// Script-injection attempts in the categories of the OWASP XSS filter-evasion cheat sheet, written for this app.
/// Every payload leaves a trace if it ever becomes live: it calls alert, sets <c>window.__xss</c>, changes
/// <c>document.title</c> or loads <see cref="TrapPath"/> (which an image, frame, style or refresh would do even
/// under the content security policy). Each starts with its number, "X01" …, so it can be found on a page.
/// </summary>
public static class XssPayloads
{
    /// <summary>The URL the browser tests watch: any request to it means markup from a payload came alive.</summary>
    public const string TrapPath = "/xss-hit";

    public static IReadOnlyList<string> All { get; } =
    [
        // Script elements in case and spacing variants.
        "X01<script>window.__xss=1;alert(1)</script>",
        "X02<SCRIPT>alert('X02')</SCRIPT>",
        "X03<ScRiPt >window.__xss=3</sCrIpT >",
        "X04<script src=/xss-hit?4></script>",
        "X05<script/xss src=/xss-hit?5></script>",
        "X06<<script>alert(6);//<</script>",
        "X07<script>document.title='xss7'</script",
        "X08<scr<script>ipt>alert(8)</scr</script>ipt>",
        // Images, SVG and media with error and load handlers.
        "X09<img src=x onerror=alert(9)>",
        "X10<IMG SRC=x OnErRoR=\"window.__xss=10\">",
        "X11<img src=/xss-hit?11>",
        "X12<img/src=x/onerror=alert(12)>",
        "X13<img src=`x`onerror=alert(13)>",
        "X14<svg onload=alert(14)>",
        "X15<svg><script>alert(15)</script></svg>",
        "X16<svg><animate onbegin=alert(16) attributeName=x dur=1s>",
        "X17<svg><set attributeName=onload to=alert(17)></set></svg>",
        "X18<svg><a xlink:href=\"javascript:alert(18)\"><text x=10 y=20>X18</text></a></svg>",
        "X19<video><source onerror=\"window.__xss=19\"></video>",
        "X20<audio src=x onerror=alert(20)>",
        "X21<body onload=alert(21)>",
        "X22<input autofocus onfocus=alert(22)>",
        "X23<details open ontoggle=alert(23)>X23</details>",
        "X24<marquee onstart=alert(24)>X24</marquee>",
        "X25<p onmouseover=alert(25) style=\"position:fixed;inset:0\">X25</p>",
        // Script, vbscript and data URLs, plain and disguised.
        "X26<a href=\"javascript:alert(26)\">X26 link</a>",
        "X27<a href=\"JaVaScRiPt:window.__xss=27\">X27 link</a>",
        "X28<a href=\"jav&#x09;ascript:alert(28)\">X28 link</a>",
        "X29<a href=\"jav&#x0A;ascript:alert(29)\">X29 link</a>",
        "X30<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(30)\">X30 link</a>",
        "X31<a href=\"&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(31)\">X31 link</a>",
        "X32<a href=\" &#14; javascript:alert(32)\">X32 link</a>",
        "X33<a href=\"vbscript:msgbox(33)\">X33 link</a>",
        "X34<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgzNCk8L3NjcmlwdD4=\">X34 link</a>",
        "X35<iframe src=\"javascript:alert(35)\"></iframe>",
        "X36<iframe srcdoc=\"&lt;script&gt;parent.__xss=36&lt;/script&gt;\"></iframe>",
        "X37<iframe src=/xss-hit?37></iframe>",
        "X38<object data=\"javascript:alert(38)\"></object>",
        "X39<embed src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMzkpPjwvc3ZnPg==\">",
        "X40<form action=\"javascript:alert(40)\"><button>X40</button></form>",
        "X41<button formaction=\"javascript:alert(41)\">X41</button>",
        "X42<math><a href=\"javascript:alert(42)\">X42 math</a></math>",
        "X43<math><maction actiontype=statusline xlink:href=\"javascript:alert(43)\">X43</maction></math>",
        // Styles, meta, base and link.
        "X44<style>@import '/xss-hit?44';</style>",
        "X45<div style=\"background:url('/xss-hit?45')\">X45</div>",
        "X46<div style=\"width:expression(alert(46))\">X46</div>",
        "X47<link rel=stylesheet href=/xss-hit?47>",
        "X48<meta http-equiv=\"refresh\" content=\"0;url=/xss-hit?48\">",
        "X49<base href=\"/xss-hit?49/\"><a href=\"x\">X49</a>",
        "X50<table background=\"/xss-hit?50\"><tr><td>X50</td></tr></table>",
        // Breaking out of attributes, elements and text containers.
        "X51\"><script>alert(51)</script>",
        "X52'><img src=x onerror=alert(52)>",
        "X53\" onmouseover=\"alert(53)\" autofocus onfocus=\"alert(53)",
        "X54' onfocus='window.__xss=54' autofocus x='",
        "X55</textarea><script>alert(55)</script>",
        "X56</title><script>alert(56)</script>",
        "X57</template><img src=x onerror=alert(57)>",
        "X58</style><img src=/xss-hit?58>",
        "X59<!--<img src=\"--><img src=x onerror=alert(59)//\">",
        "X60<noscript><p title=\"</noscript><img src=x onerror=alert(60)>\"></noscript>",
        // Template injection, encodings and odd bytes.
        "X61{{constructor.constructor('alert(61)')()}}",
        "X62${alert(62)}<%= 62 %>@(62*62)",
        "X63+ADw-script+AD4-alert(63)+ADw-/script+AD4-",
        "X64<scr\u0000ipt>alert(64)</scr\u0000ipt>",
        "X65<img src=x o\u0000nerror=alert(65)>",
        "X66\uFF1Cscript\uFF1Ealert(66)\uFF1C/script\uFF1E",
        "X67%3Cscript%3Ealert(67)%3C/script%3E",
        "X68&lt;script&gt;alert(68)&lt;/script&gt;",
        "X69<a href=\"java\u00ADscript:alert(69)\">X69 link</a>",
        "X70<img src=x:alert(70) onerror=eval(src)>",
        "X71<a href=\"javascript&colon;alert(71)\">X71 link</a>",
        "X72<xss id=x72 tabindex=1 onfocus=alert(72)></xss>",
    ];

    /// <summary>
    /// The payloads as a form can carry them: the app refuses any form with a NUL character (400, see
    /// BadInputTests), so here NUL is written as the character reference &amp;#0; instead.
    /// </summary>
    public static IReadOnlyList<string> Postable { get; } = [.. All.Select(p => p.Replace("\0", "&#0;", StringComparison.Ordinal))];

    /// <summary>
    /// The payloads joined to strings no longer than <paramref name="maxLength"/>, for fields that are too short for
    /// them all or that hold one record each. Every payload appears in exactly one chunk.
    /// </summary>
    public static IReadOnlyList<string> Chunks(int maxLength, string separator = " | ")
    {
        var chunks = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var payload in Postable)
        {
            if (payload.Length > maxLength)
            {
                throw new InvalidOperationException($"Payload {payload[..3]} is longer than {maxLength}");
            }
            if (current.Length > 0 && current.Length + separator.Length + payload.Length > maxLength)
            {
                chunks.Add(current.ToString());
                current.Clear();
            }
            if (current.Length > 0)
            {
                current.Append(separator);
            }
            current.Append(payload);
        }
        if (current.Length > 0)
        {
            chunks.Add(current.ToString());
        }
        return chunks;
    }
}
