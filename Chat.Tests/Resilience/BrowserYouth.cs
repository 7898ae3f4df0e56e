using Chat.Server.Conversations;
using Chat.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.Resilience;

// A young person's page as youth.js behaves: a transcript by seq from events and resumes, Resume with
// takeOver after its own connection came back, and sends retried with the same clientMessageId.
public sealed class BrowserYouth : IAsyncDisposable
{
    readonly IDisposable listening;

    BrowserYouth(Youth youth, Transcript transcript, string? token)
    {
        Youth = youth;
        Transcript = transcript;
        Token = token;
        Resumes = new("young person", youth.Hub);
        listening = youth.Hub.On<ChatMessage>("Message", transcript.Add);
        youth.Hub.Reconnected += _ =>
        {
            Resumes.Run(() => Resume(takeOver: true));
            return Task.CompletedTask;
        };
    }

    public Youth Youth { get; }
    public Transcript Transcript { get; }
    public string? Token { get; private set; }
    public Resumes Resumes { get; }

    // Another page load of the same young person: pass the transcript and token it had so far.
    public static async Task<BrowserYouth> Connect(Uri baseUri, bool automaticReconnect = true, Transcript? transcript = null, string? token = null)
    {
        var hub = await HubClients.ConnectAsync(baseUri, "/hubs/youth", new HubClientOptions { AutomaticReconnect = automaticReconnect });
        return new(new Youth(hub), transcript ?? new Transcript("young person"), token);
    }

    public async Task<YouthState> Start()
    {
        var state = (await Youth.Start()).Value();
        Token = state.Token;
        Transcript.AddRange(state.Messages);
        return state;
    }

    public async Task<YouthState> Resume(bool takeOver)
    {
        var (state, _) = await Retrying.Call(() => Youth.Resume(Token, Transcript.ResumeAfter, takeOver), "Resume");
        Transcript.AddRange(state.Messages);
        return state;
    }

    public Task<(SendResult Value, int Attempts)> Send(string text, string clientMessageId) =>
        Retrying.Call(() => Youth.Send(text, clientMessageId), $"the young person's send {clientMessageId}");

    // The phone loses the network: the page hears nothing more. serverNotices: the socket dies with a reset, so the
    // server detaches the connection at once; otherwise the server keeps it until it times out or is taken over.
    public void LoseNetwork(bool serverNotices)
    {
        listening.Dispose();
        if (serverNotices) Youth.Hub.DropTransport();
    }

    public async ValueTask DisposeAsync()
    {
        listening.Dispose();
        await Youth.DisposeAsync();
    }
}
