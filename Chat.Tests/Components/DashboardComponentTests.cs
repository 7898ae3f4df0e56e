using Chat.Server.Dashboard;

namespace Chat.Tests.Components;

// The dashboard as the server first renders it (dashboard.js then fills the same elements).
public sealed class DashboardComponentTests
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
    private static readonly long Now = new DateTimeOffset(2026, 11, 22, 20, 30, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static DashboardState State(IReadOnlyList<DashboardChat>? chats = null, IReadOnlyList<DeskState>? desks = null, int danger = 0) =>
        new(Now, 3, 125, danger, 2, 5, 1, chats?.Count ?? 0, 4, chats ?? [], desks ?? []);

    private static DashboardChat Chat(string holder, bool stuck = false, string? observer = null, string? service = null) =>
        new("0123456789abcdef01234567", holder, service, Now - 45 * 60_000, Now - 25 * 60_000, stuck, false, false, null, observer, null);

    [Fact]
    public async Task TheFiguresSayWhatIsHappeningNow()
    {
        var document = await Rendered.Component<DashboardView>(new() { ["State"] = State(danger: 1), ["Zone"] = Stockholm });

        Assert.Equal("3", document.QuerySelector("#fig-waiting")!.TextContent);
        Assert.Equal("2 min", document.QuerySelector("#fig-longest")!.TextContent);
        Assert.Equal("1", document.QuerySelector("#fig-danger")!.TextContent);
        Assert.Contains("is-danger", document.QuerySelector("#fig-danger")!.ParentElement!.ClassList);
        Assert.Equal("2", document.QuerySelector("#fig-on-duty")!.TextContent);
        Assert.Equal("1 av 5", document.QuerySelector("#fig-free")!.TextContent);
        Assert.Equal("4", document.QuerySelector("#fig-handovers")!.TextContent);
    }

    [Fact]
    public async Task NothingInProgressSaysSoInsteadOfAnEmptyTable()
    {
        var document = await Rendered.Component<DashboardView>(new() { ["State"] = State(), ["Zone"] = Stockholm });

        Assert.Empty(document.QuerySelectorAll("#chat-rows tr"));
        Assert.True(document.QuerySelector("#chats-table")!.HasAttribute("hidden"));
        Assert.True(document.QuerySelector("#desks-table")!.HasAttribute("hidden"));
        Assert.False(document.QuerySelector("#chats-empty")!.HasAttribute("hidden"));
        Assert.False(document.QuerySelector("#desks-empty")!.HasAttribute("hidden"));
        Assert.DoesNotContain("is-danger", document.QuerySelector("#fig-danger")!.ParentElement!.ClassList);
    }

    [Fact]
    public async Task EachChatShowsWhoHoldsItSinceWhenAndWhatIsWrong()
    {
        var chats = new[] { Chat("Ulla", stuck: true, observer: "Cora"), Chat("Sara", service: "Stödcentrum") };
        var desks = new[] { new DeskState("stodcentrum", "Stödcentrum", 1, 2) };
        var document = await Rendered.Component<DashboardView>(new() { ["State"] = State(chats, desks), ["Zone"] = Stockholm });

        var rows = document.QuerySelectorAll("#chat-rows tr");
        Assert.Equal(2, rows.Length);
        Assert.Equal("Ulla", rows[0].QuerySelector(".chat-holder")!.TextContent);
        Assert.Equal("20:45", rows[0].QuerySelector(".chat-taken")!.TextContent);
        Assert.Equal("25 min", rows[0].QuerySelector(".chat-last")!.TextContent);
        Assert.Equal("inget har hänt på länge · Cora följer", rows[0].QuerySelector(".chat-flags")!.TextContent);
        Assert.Contains("is-stuck", rows[0].ClassList);
        Assert.Equal("Sara, Stödcentrum", rows[1].QuerySelector(".chat-holder")!.TextContent);
        Assert.Equal("", rows[1].QuerySelector(".chat-flags")!.TextContent);
        Assert.True(document.QuerySelector("#chats-empty")!.HasAttribute("hidden"));
        Assert.Equal(["Stödcentrum", "1", "2"], document.QuerySelectorAll("#desk-rows tr > *").Select(c => c.TextContent));
    }

    [Fact]
    public async Task NamesAreShownAsText()
    {
        var hostile = "<img src=x onerror=alert(1)>";
        var document = await Rendered.Component<DashboardView>(new() { ["State"] = State([Chat(hostile, observer: hostile)]), ["Zone"] = Stockholm });

        Assert.Empty(document.QuerySelectorAll("img, script"));
        Assert.Equal(hostile, document.QuerySelector(".chat-holder")!.TextContent);
    }
}
