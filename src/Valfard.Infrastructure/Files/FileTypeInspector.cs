using System.IO.Compression;

namespace Valfard.Infrastructure.Files;

public sealed record AcceptedFileType(string Extension, string ContentType);

/// <summary>
/// Recognises the document types Valfard accepts (PDF, DOCX, XLSX) from their content, never from the file name or
/// the browser's claim: a PDF starts with "%PDF-", and a DOCX or XLSX is a ZIP package with its main part inside.
/// </summary>
public static class FileTypeInspector
{
    public static readonly AcceptedFileType Pdf = new(".pdf", "application/pdf");
    public static readonly AcceptedFileType Docx = new(".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    public static readonly AcceptedFileType Xlsx = new(".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    public static readonly AcceptedFileType Png = new(".png", "image/png");
    public static readonly AcceptedFileType Jpeg = new(".jpg", "image/jpeg");

    /// <summary>A PNG or JPEG image by its signature; anything else (SVG with its scripts included) is not an image here.</summary>
    public static AcceptedFileType? DetectImage(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length >= 8 && content.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return Png;
        }
        return content.Length >= 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF ? Jpeg : null;
    }

    public static AcceptedFileType? Detect(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length >= 5 && content.AsSpan(0, 5).SequenceEqual("%PDF-"u8))
        {
            return Pdf;
        }
        if (content.Length < 4 || !content.AsSpan(0, 4).SequenceEqual("PK\u0003\u0004"u8))
        {
            return null;
        }
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (!names.Contains("[Content_Types].xml"))
            {
                return null;
            }
            if (names.Contains("word/document.xml"))
            {
                return Docx;
            }
            if (names.Contains("xl/workbook.xml"))
            {
                return Xlsx;
            }
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
