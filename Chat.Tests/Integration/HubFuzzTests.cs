using System.Net;
using System.Text.Json;
using Chat.Server.Conversations;
using Chat.Server.Staff;
using Chat.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.Integration;

// Hundreds of malformed calls to every method of both hubs (HostilePayloads), as a staff member with every role and
// as a young person in an active chat: each is answered (a refused Reply or a HubException) within a second or
// two, the service stays healthy, and a conversation between two others goes on exactly as it was.
public sealed class HubFuzzTests : ChatTest
{
    private static readonly TimeSpan PerCall = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task MalformedCallsToEveryHubMethodAreRefusedAndAnotherConversationIsUntouched()
    {
        await Handovers.Seeded(App, "stodcentrum");
        // The bystanders: a young person and a counsellor talking.
        var (bystander, ulla, id) = await Youth.Matched(App);
        Own(bystander);
        Own(ulla);
        (await bystander.Send("Jag vill bara prata")).Value();
        (await ulla.Send(id, "Jag lyssnar")).Value();
        var before = await Transcript(ulla, id);

        // The fuzzers: a staff member with every role, and a young person in an active chat with another counsellor.
        await App.Get<StaffAccounts>().Create("allt", "Alla roller", ChatApp.Password,
            [StaffRoles.Counsellor, StaffRoles.Partner, StaffRoles.Coordinator, StaffRoles.Admin], service: "stodcentrum");
        var staff = Own(await Counsellor.Connect(App, await App.SignIn("allt")));
        var bertil = Own(await Counsellor.SignIn(App, "bertil"));
        (await bertil.GoOnDuty(1)).Value();
        var youth = Own(await Youth.Connect(App));
        (await youth.Start()).Value();
        (await bertil.Take((await bertil.QueueOf(1))[0].ConversationId)).Value();
        await youth.Next("joined");

        var staffCalls = HostilePayloads.Calls(typeof(Chat.Server.Staff.StaffHub), 10);
        var youthCalls = HostilePayloads.Calls(typeof(YouthHub), 15);
        var called = new HashSet<string>();
        var successes = new List<string>();
        foreach (var (name, hub, calls) in new[] { ("staff", staff.Hub, staffCalls), ("youth", youth.Hub, youthCalls) })
            foreach (var call in calls)
            {
                called.Add($"{name}.{call.Method}");
                if (await Answer(hub, call) is { } ok) successes.Add(ok);
                Assert.True(hub.State == HubConnectionState.Connected, $"the server closed the connection after {call}");
            }

        // Every method was tried; a malformed call may only succeed where its arguments happen to be acceptable.
        Assert.Equal(HostilePayloads.MethodsOf(typeof(Chat.Server.Staff.StaffHub)).Count + HostilePayloads.MethodsOf(typeof(YouthHub)).Count, called.Count);
        Assert.True(successes.Count < (staffCalls.Count + youthCalls.Count) / 5, $"{successes.Count} calls succeeded:\n{string.Join("\n", successes.Take(20))}");

        using var client = App.NewClient();
        using (var health = await client.GetAsync("/healthz").Within(ChatApp.Timeout, "GET /healthz"))
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(before, await Transcript(ulla, id));
        (await bystander.Send("Är du kvar?")).Value();
        while ((await ulla.Next("text")).Text != "Är du kvar?") { } // earlier messages first; a lost one times out
        (await ulla.Send(id, "Ja, jag är kvar")).Value();
        while ((await bystander.Next("text", "counsellor")).Text != "Ja, jag är kvar") { }
    }

    [Fact]
    public async Task AMessageTooDeepOrTooLargeToReadClosesOnlyThatConnection()
    {
        var (bystander, ulla, id) = await Youth.Matched(App);
        Own(bystander);
        Own(ulla);
        foreach (var args in new object?[][] { [HostilePayloads.Nested(200)], [new string('x', 20_000)] })
        {
            var hostile = Own(await Youth.Connect(App));
            (await hostile.Start()).Value();
            await Assert.ThrowsAnyAsync<Exception>(() => hostile.Hub.InvokeCoreAsync("Send", typeof(object), args).WaitAsync(PerCall));
            Assert.NotEqual(HubConnectionState.Connected, hostile.Hub.State);
        }
        using var client = App.NewClient();
        using (var health = await client.GetAsync("/healthz").Within(ChatApp.Timeout, "GET /healthz"))
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        (await bystander.Send("Hallå")).Value();
        while ((await ulla.Next("text")).Text != "Hallå") { }
    }

    // Sends one call and returns a line when it succeeded, null when it was refused; fails when it hangs or the
    // connection breaks.
    private static async Task<string?> Answer(HubConnection hub, HostilePayloads.Call call)
    {
        try
        {
            var reply = await hub.InvokeCoreAsync(call.Method, typeof(JsonElement), call.Args).WaitAsync(PerCall);
            return reply is JsonElement { ValueKind: JsonValueKind.Object } json && json.TryGetProperty("ok", out var ok) && ok.GetBoolean() ? call.ToString() : null;
        }
        catch (HubException)
        {
            return null;
        }
        catch (TimeoutException)
        {
            Assert.Fail($"no answer within {PerCall.TotalSeconds} s to {call}");
            throw;
        }
        catch (Exception e)
        {
            Assert.Fail($"{call} broke the connection: {e.GetType().Name}: {e.Message}");
            throw;
        }
    }

    private static async Task<string> Transcript(Counsellor counsellor, string id) =>
        JsonSerializer.Serialize((await counsellor.Snapshot()).Value().Chats.Single(c => c.ConversationId == id).Messages);
}
