using System.Collections.Concurrent;
using Chat.Server.Conversations;
using Chat.Server.Staff;
using Chat.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.Resilience;

// A counsellor's console as staff.js behaves: a transcript per conversation from events, a Snapshot after
// every reconnect, and sends retried with the same clientMessageId.
public sealed class BrowserCounsellor : IAsyncDisposable
{
    readonly ConcurrentDictionary<string, Transcript> transcripts = new();

    BrowserCounsellor(Counsellor counsellor)
    {
        Counsellor = counsellor;
        Resumes = new("counsellor", counsellor.Hub);
        counsellor.Hub.On<StaffMessageEvent>("Message", e => TranscriptOf(e.ConversationId).Add(e.Message));
        counsellor.Hub.Reconnected += _ =>
        {
            Resumes.Run(Snapshot);
            return Task.CompletedTask;
        };
    }

    public Counsellor Counsellor { get; }
    public Resumes Resumes { get; }

    public static async Task<BrowserCounsellor> Connect(Uri baseUri, string cookie, bool automaticReconnect = true) =>
        new(new Counsellor(await HubClients.ConnectAsync(baseUri, "/hubs/staff",
            new HubClientOptions { Cookie = cookie, AutomaticReconnect = automaticReconnect })));

    public Transcript TranscriptOf(string conversationId) => transcripts.GetOrAdd(conversationId, _ => new Transcript("counsellor"));

    public async Task<StaffChat> Take(string conversationId)
    {
        var chat = (await Counsellor.Take(conversationId)).Value();
        TranscriptOf(conversationId).AddRange(chat.Messages);
        return chat;
    }

    // What the console shows after connecting or reconnecting: the queue and every own chat, read afresh.
    public async Task<ConsoleState> Snapshot()
    {
        var (state, _) = await Retrying.Call(Counsellor.Snapshot, "Snapshot");
        foreach (var chat in state.Chats) TranscriptOf(chat.ConversationId).AddRange(chat.Messages);
        return state;
    }

    // The conversation as Redis holds it now.
    public async Task<IReadOnlyList<ChatMessage>> Stored(string conversationId) =>
        (await Snapshot()).Chats.Single(c => c.ConversationId == conversationId).Messages;

    public Task<(SendResult Value, int Attempts)> Send(string conversationId, string text, string clientMessageId) =>
        Retrying.Call(() => Counsellor.Send(conversationId, text, clientMessageId), $"the counsellor's send {clientMessageId}");

    public ValueTask DisposeAsync() => Counsellor.DisposeAsync();
}
