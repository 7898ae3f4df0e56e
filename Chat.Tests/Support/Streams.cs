namespace Chat.Tests.Support;

public static class Streams
{
    // Everything a (decompressing) stream gives, read to its end; the stream is disposed.
    public static byte[] Decompress(Stream stream)
    {
        using var output = new MemoryStream();
        using (stream) stream.CopyTo(output);
        return output.ToArray();
    }
}
