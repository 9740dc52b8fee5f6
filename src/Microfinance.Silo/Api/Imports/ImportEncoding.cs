using System.Text;
using System.Text.Unicode;
using Microfinance.Api.V1;

namespace Microfinance.Silo.Api.Imports;

/// <summary>The character encoding an imported file is read in.</summary>
public static class ImportEncoding
{
    /// <summary>GBK as .NET reads it: GB 18030, its superset, from the code-pages provider.</summary>
    public static Encoding Gbk { get; } = LoadGb18030();

    /// <summary>
    /// The encoding <paramref name="declared"/> names, or, when it names none, the one the start of
    /// the file is in: UTF-8 when <paramref name="head"/> decodes as UTF-8 (a byte-order mark or not),
    /// GBK otherwise. A UTF-8 character cut at the end of the head does not count against UTF-8.
    /// </summary>
    public static Encoding Of(FileEncoding declared, ReadOnlySpan<byte> head, bool wholeFile) => declared switch
    {
        FileEncoding.Utf8 => Encoding.UTF8,
        FileEncoding.Gbk => Gbk,
        _ => Utf8.IsValid(wholeFile ? head : WithoutCutCharacter(head)) ? Encoding.UTF8 : Gbk,
    };

    /// <summary>The head without the bytes of a multi-byte UTF-8 character the cut may have split.</summary>
    private static ReadOnlySpan<byte> WithoutCutCharacter(ReadOnlySpan<byte> head)
    {
        // A UTF-8 character is at most 4 bytes: its lead byte lies within the last 4.
        for (var back = 1; back <= Math.Min(4, head.Length); back++)
        {
            var b = head[^back];
            if ((b & 0b1100_0000) != 0b1000_0000)
            {
                var length = b >= 0b1111_0000 ? 4 : b >= 0b1110_0000 ? 3 : b >= 0b1100_0000 ? 2 : 1;
                return length > back ? head[..^back] : head;
            }
        }

        return head;
    }

    private static Encoding LoadGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }
}
