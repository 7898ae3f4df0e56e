using System.IO.Compression;
using System.Text;

namespace Chat.Server.Content;

public enum ContentCoding { Identity, Gzip, Brotli }

// A finished page as bytes: the HTML and its gzip and Brotli forms, compressed once (at the smallest size,
// since it happens once per page and change) and then served from memory as they are.
public sealed class HelpResponse
{
    public byte[] Html { get; }
    public byte[] Gzip { get; }
    public byte[] Brotli { get; }

    private HelpResponse(byte[] html)
    {
        Html = html;
        Gzip = Compress(html, s => new GZipStream(s, CompressionLevel.SmallestSize));
        Brotli = Compress(html, s => new BrotliStream(s, CompressionLevel.SmallestSize));
    }

    public static HelpResponse Of(string html) => new(Encoding.UTF8.GetBytes(html));

    public byte[] In(ContentCoding coding) => coding switch
    {
        ContentCoding.Brotli => Brotli,
        ContentCoding.Gzip => Gzip,
        _ => Html,
    };

    private static byte[] Compress(byte[] bytes, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var stream = compressor(output)) stream.Write(bytes);
        return output.ToArray();
    }

    // Brotli when the browser takes it, else gzip, else the plain bytes. An encoding is refused only by q=0;
    // other weights are not compared (every browser that sends br prefers it), and "*" counts as Brotli.
    public static ContentCoding Choose(string? acceptEncoding)
    {
        if (string.IsNullOrEmpty(acceptEncoding)) return ContentCoding.Identity;
        var gzip = false;
        foreach (var range in acceptEncoding.AsSpan().Split(','))
        {
            var item = acceptEncoding.AsSpan(range).Trim();
            var semicolon = item.IndexOf(';');
            var name = (semicolon < 0 ? item : item[..semicolon]).Trim();
            if (semicolon >= 0 && IsZero(item[(semicolon + 1)..])) continue;
            if (name.Equals("br", StringComparison.OrdinalIgnoreCase) || name is "*") return ContentCoding.Brotli;
            if (name.Equals("gzip", StringComparison.OrdinalIgnoreCase) || name.Equals("x-gzip", StringComparison.OrdinalIgnoreCase)) gzip = true;
        }
        return gzip ? ContentCoding.Gzip : ContentCoding.Identity;
    }

    // "q=0", "q=0.0", "q=0.000" (RFC 9110 qvalue).
    private static bool IsZero(ReadOnlySpan<char> parameters)
    {
        foreach (var range in parameters.Split(';'))
        {
            var parameter = parameters[range].Trim();
            if (parameter.Length < 3 || (parameter[0] | 0x20) != 'q' || parameter[1] != '=') continue;
            var value = parameter[2..];
            return value.Length > 0 && value[0] == '0' && (value.Length == 1 || (value[1] == '.' && value[2..].TrimEnd('0').IsEmpty));
        }
        return false;
    }
}
