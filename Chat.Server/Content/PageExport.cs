using System.IO.Compression;
using Chat.Server.Staff;
using Microsoft.AspNetCore.Authorization;

namespace Chat.Server.Content;

// The published help pages as Markdown files in a zip, <language>/<slug>.md: the layout of Content/Seed, so the
// repository's seed can be refreshed from what coordinators wrote in the running system.
public static class PageExport
{
    public static IEndpointRouteBuilder MapPageExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/staff/pages/export", async (HelpPages pages) =>
                Results.File(await Zip(pages), "application/zip", "hjalpsidor.zip"))
            .RequireAuthorization(new AuthorizeAttribute { Roles = StaffRoles.PageEditors });
        return app;
    }

    public static async Task<byte[]> Zip(HelpPages pages)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (language, slug) in await pages.All())
            {
                if (await pages.Published(language, slug) is not { } page) continue;
                await using var entry = new StreamWriter(zip.CreateEntry($"{language}/{slug}.md").Open());
                await entry.WriteAsync(page.Markdown);
            }
        }
        return buffer.ToArray();
    }
}
