using Chat.Tests.Support;

namespace Chat.Tests.Integration;

// The hub's half of the nudge: what looks like personal details is refused until the young person confirmed it,
// nothing of a refused message is stored or relayed, and counsellors' texts are never checked.
public sealed class ShareCheckTests : IAsyncLifetime
{
    private readonly ChatApp _app = ChatApp.OnSharedRedis();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task APhoneNumberIsRefusedUntilConfirmedAndNothingOfTheRefusalIsKept()
    {
        var (youth, counsellor, id) = await Youth.Matched(_app);
        await using var _1 = youth;
        await using var _2 = counsellor;

        (await youth.Send("ring mig på 070-123 45 67", "m-1")).Refused("looks-personal");
        (await youth.Send("Storgatan 12", "m-2")).Refused("looks-personal");
        var first = (await youth.Send("hej", "m-3")).Value().Seq;
        Assert.Equal("hej", (await counsellor.Next("text")).Text); // the refused ones never reached the counsellor

        var shared = (await youth.Send("ring mig på 070-123 45 67", "m-1", confirmed: true)).Value().Seq;
        Assert.Equal(first + 1, shared); // nothing was stored for the refusals, not even their ids
        Assert.Equal("ring mig på 070-123 45 67", (await counsellor.Next("text")).Text);
    }

    [Fact]
    public async Task ACounsellorsTextIsNeverChecked()
    {
        var (youth, counsellor, id) = await Youth.Matched(_app);
        await using var _1 = youth;
        await using var _2 = counsellor;

        (await counsellor.Send(id, "Ring Bris på 116 111 eller 08-123 456 78, eller skriv till info@example.se")).Value();
        Assert.Contains("08-123 456 78", (await youth.Next("text", "counsellor")).Text);
    }
}
