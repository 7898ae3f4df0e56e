namespace Chat.Server.Content;

public sealed class ContentOptions
{
    // Pages may be written in the offered languages (Languages:Offered, TextCatalog), the first being the default.
    // A page's Markdown source may be at most this long (characters); a help page is a few thousand.
    public int MaxMarkdownLength { get; set; } = 40_000;

    // Versions kept per page and language; older ones drop off the end of the history.
    public int HistoryLength { get; set; } = 50;

    // How long a node trusts its last look at whether a counsellor is on duty, for the reading pages' "the chat is open now".
    public TimeSpan ChatOpenCheckEvery { get; set; } = TimeSpan.FromSeconds(3);
}
