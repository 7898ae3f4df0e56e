using Microsoft.AspNetCore.SignalR;

// A bare SignalR relay: the ceiling the chat service's hubs are measured against, with the same message pattern
// and nothing stored. Listens on 127.0.0.1:RELAY_PORT (default 5300); warnings-only logging, no other middleware.
var port = int.TryParse(Environment.GetEnvironmentVariable("RELAY_PORT"), out var p) ? p : 5300;
var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, port));
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSignalR();

var app = builder.Build();
app.MapHub<RelayHub>("/hubs/relay");
app.Run();

public sealed class RelayHub : Hub
{
    public Task Join(string room) => Groups.AddToGroupAsync(Context.ConnectionId, room);

    public Task Send(string room, object payload) => Clients.OthersInGroup(room).SendAsync("Message", payload);
}
