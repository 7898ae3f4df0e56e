using Microsoft.AspNetCore.Http;

namespace Chat.Server.Content;

// The page editor's form as sent: the text as typed (line breaks as stored), the version it was opened at,
// and which button was pressed. After a conflict, "theirs" is the version someone else saved meanwhile.
public sealed class PageForm
{
    public const string Preview = "preview", Save = "save", SaveOverTheirs = "save-over", Publish = "publish", Unpublish = "unpublish";

    public string Markdown { get; init; } = "";
    public int Version { get; init; }
    public int Theirs { get; init; }
    public string Do { get; init; } = "";

    public static PageForm From(PageVersion version) => new() { Markdown = version.Markdown, Version = version.Version };

    public static PageForm Read(IFormCollection form) => new()
    {
        Markdown = Normal(form["markdown"].ToString()),
        // Anything but a number can match no version, so it can only end in a conflict.
        Version = int.TryParse(form["version"], out var version) ? version : -1,
        Theirs = int.TryParse(form["theirs"], out var theirs) ? theirs : -1,
        Do = form["do"].ToString(),
    };

    // Browsers send a textarea's line breaks as CR LF; HelpPages stores LF.
    public static string Normal(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');

    // Which field a refusal from HelpPages belongs beside.
    public static string FieldOf(string code) => code is "page-too-large" or "missing-title" or "invalid-characters" or "unsaved-changes" ? "markdown" : "form";
}
